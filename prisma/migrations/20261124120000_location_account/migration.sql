-- AlterEnum
ALTER TYPE "PermissionKind" ADD VALUE 'DIARY';

-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'EMAIL_CHANGE';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "uploadedById" UUID;

-- AlterTable: news and newsletters per location or organisation-wide; existing rows get their location's organisation.
ALTER TABLE "NewsItem" ADD COLUMN     "organisationId" UUID,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "locationId" DROP NOT NULL;
UPDATE "NewsItem" n SET "organisationId" = l."organisationId" FROM "Location" l WHERE l.id = n."locationId";
ALTER TABLE "NewsItem" ALTER COLUMN "organisationId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Newsletter" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "organisationId" UUID,
ADD COLUMN     "summary" TEXT,
ALTER COLUMN "locationId" DROP NOT NULL;
UPDATE "Newsletter" n SET "organisationId" = l."organisationId" FROM "Location" l WHERE l.id = n."locationId";
ALTER TABLE "Newsletter" ALTER COLUMN "organisationId" SET NOT NULL;

-- AlterTable
ALTER TABLE "PasswordToken" ADD COLUMN     "newEmail" TEXT;

-- CreateTable
CREATE TABLE "ChildPermissionChange" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "kind" "PermissionKind" NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "changedById" UUID,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChildPermissionChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FamilyDataExport" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "storageKey" TEXT,
    "bytes" INTEGER,
    "tokenHash" TEXT,
    "expiresAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "FamilyDataExport_pkey" PRIMARY KEY ("id")
);

-- The history starts with the consents as they stand.
INSERT INTO "ChildPermissionChange" (id, "childId", kind, granted, "changedById", "changedAt")
SELECT gen_random_uuid(), "childId", kind, granted, "updatedById", "updatedAt" FROM "ChildPermission";

-- CreateIndex
CREATE INDEX "ChildPermissionChange_childId_kind_changedAt_idx" ON "ChildPermissionChange"("childId", "kind", "changedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "FamilyDataExport_tokenHash_key" ON "FamilyDataExport"("tokenHash");

-- CreateIndex
CREATE INDEX "FamilyDataExport_status_createdAt_idx" ON "FamilyDataExport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "FamilyDataExport_familyId_idx" ON "FamilyDataExport"("familyId");

-- CreateIndex
CREATE UNIQUE INDEX "FamilyDataExport_userId_idempotencyKey_key" ON "FamilyDataExport"("userId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "NewsItem_organisationId_publishedAt_idx" ON "NewsItem"("organisationId", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Newsletter_organisationId_publishedAt_idx" ON "Newsletter"("organisationId", "publishedAt" DESC);

-- AddForeignKey
ALTER TABLE "ChildPermissionChange" ADD CONSTRAINT "ChildPermissionChange_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildPermissionChange" ADD CONSTRAINT "ChildPermissionChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsItem" ADD CONSTRAINT "NewsItem_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Newsletter" ADD CONSTRAINT "Newsletter_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyDataExport" ADD CONSTRAINT "FamilyDataExport_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyDataExport" ADD CONSTRAINT "FamilyDataExport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
