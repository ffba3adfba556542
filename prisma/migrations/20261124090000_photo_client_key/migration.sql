-- Uploaded photos carry the uploading client's key per file (a retried upload returns the first photo).
-- Existing photos have none; NULLs never clash in the unique index.
-- AlterTable
ALTER TABLE "Photo" ADD COLUMN     "clientKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Photo_uploadedById_clientKey_key" ON "Photo"("uploadedById", "clientKey");
