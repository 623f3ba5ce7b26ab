-- AlterTable
ALTER TABLE "Figure" ADD COLUMN     "correctionReason" TEXT,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "createdBy" TEXT,
ADD COLUMN     "retractedAt" TIMESTAMP(3),
ADD COLUMN     "retractedBy" TEXT,
ADD COLUMN     "retractionReason" TEXT,
ADD COLUMN     "originalId" TEXT,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "supersedesId" TEXT;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "createdBy" TEXT;

-- CreateTable
CREATE TABLE "AuditLogEntry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "actorKeyId" TEXT,
    "operation" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "touchedIds" TEXT[],

    CONSTRAINT "AuditLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditLogEntry_at_idx" ON "AuditLogEntry"("at");

-- CreateIndex
CREATE INDEX "Figure_originalId_idx" ON "Figure"("originalId");

-- CreateIndex
CREATE UNIQUE INDEX "Figure_supersedesId_key" ON "Figure"("supersedesId");

-- CreateIndex
CREATE UNIQUE INDEX "Figure_indicatorCode_subjectType_subjectCode_asOf_sourceId__key" ON "Figure"("indicatorCode", "subjectType", "subjectCode", "asOf", "sourceId", "revision");

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Figure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
