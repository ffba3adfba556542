-- Diary entries carry the client's idempotency key (a double submit returns the first entry). Existing
-- entries have none; NULLs never clash in the unique index.
-- AlterTable
ALTER TABLE "DiaryEntry" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "DiaryEntry_authorId_idempotencyKey_key" ON "DiaryEntry"("authorId", "idempotencyKey");
