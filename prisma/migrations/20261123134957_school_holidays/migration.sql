-- CreateTable
CREATE TABLE "SchoolHoliday" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "locationId" UUID,
    "name" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolHoliday_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SchoolHoliday_organisationId_startDate_idx" ON "SchoolHoliday"("organisationId", "startDate");

-- CreateIndex
CREATE INDEX "SchoolHoliday_locationId_idx" ON "SchoolHoliday"("locationId");

-- AddForeignKey
ALTER TABLE "SchoolHoliday" ADD CONSTRAINT "SchoolHoliday_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolHoliday" ADD CONSTRAINT "SchoolHoliday_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A period ends on or after its first day (both inclusive). Not expressible in schema.prisma; the schema engine ignores CHECK constraints when diffing.
ALTER TABLE "SchoolHoliday" ADD CONSTRAINT "SchoolHoliday_endDate_check" CHECK ("endDate" >= "startDate");
