-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('PEOPLES_COMMITTEE', 'DEPARTMENT', 'EQUIVALENT_BODY', 'SPECIALIZED_OFFICE');

-- CreateEnum
CREATE TYPE "AgencyLevel" AS ENUM ('PROVINCE', 'COMMUNE');

-- CreateEnum
CREATE TYPE "FigureQualifier" AS ENUM ('EXACT', 'APPROXIMATE', 'AT_LEAST', 'MORE_THAN', 'AT_MOST', 'LESS_THAN');

-- CreateEnum
CREATE TYPE "FigureStatus" AS ENUM ('REPORTED', 'PLANNED', 'TARGET');

-- CreateEnum
CREATE TYPE "FigureSubjectType" AS ENUM ('PROVINCE', 'COMMUNE', 'AGENCY', 'LEGACY_PROVINCE', 'LEGACY_DISTRICT');

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "title" TEXT,
    "publisher" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "publishedOn" DATE,
    "language" TEXT,
    "originalLanguage" TEXT,
    "translationOfId" TEXT,
    "file" TEXT,
    "sha256" TEXT,
    "note" TEXT,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "searchName" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "level" "AgencyLevel" NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "communeCode" TEXT,
    "parentId" TEXT,
    "quote" TEXT,
    "quoteSourceId" TEXT,
    "note" TEXT,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencySource" (
    "agencyId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "note" TEXT,

    CONSTRAINT "AgencySource_pkey" PRIMARY KEY ("agencyId","sourceId")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Figure" (
    "id" TEXT NOT NULL,
    "indicatorCode" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "qualifier" "FigureQualifier" NOT NULL,
    "unit" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "status" "FigureStatus" NOT NULL,
    "subjectType" "FigureSubjectType" NOT NULL,
    "subjectCode" TEXT,
    "subjectName" TEXT,
    "provinceCode" TEXT,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "Figure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Agency_provinceCode_kind_idx" ON "Agency"("provinceCode", "kind");

-- CreateIndex
CREATE INDEX "Agency_communeCode_idx" ON "Agency"("communeCode");

-- CreateIndex
CREATE INDEX "Agency_parentId_idx" ON "Agency"("parentId");

-- CreateIndex
CREATE INDEX "AgencySource_sourceId_idx" ON "AgencySource"("sourceId");

-- CreateIndex
CREATE INDEX "Figure_indicatorCode_subjectType_subjectCode_asOf_idx" ON "Figure"("indicatorCode", "subjectType", "subjectCode", "asOf");

-- CreateIndex
CREATE INDEX "Figure_provinceCode_asOf_idx" ON "Figure"("provinceCode", "asOf");

-- CreateIndex
CREATE INDEX "Figure_sourceId_idx" ON "Figure"("sourceId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_translationOfId_fkey" FOREIGN KEY ("translationOfId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_quoteSourceId_fkey" FOREIGN KEY ("quoteSourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencySource" ADD CONSTRAINT "AgencySource_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencySource" ADD CONSTRAINT "AgencySource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_indicatorCode_fkey" FOREIGN KEY ("indicatorCode") REFERENCES "Indicator"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
