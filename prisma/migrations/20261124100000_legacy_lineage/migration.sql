-- CreateEnum
CREATE TYPE "LegacyCommuneType" AS ENUM ('COMMUNE', 'WARD', 'TOWNSHIP');

-- CreateEnum
CREATE TYPE "LineageKind" AS ENUM ('WHOLE', 'PARTIAL', 'RENAMED', 'UNCHANGED');

-- CreateTable
CREATE TABLE "LegacyProvince" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "successorCode" TEXT NOT NULL,

    CONSTRAINT "LegacyProvince_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "LegacyDistrict" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,

    CONSTRAINT "LegacyDistrict_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "LegacyCommune" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "altNames" TEXT[],
    "type" "LegacyCommuneType" NOT NULL,
    "searchName" TEXT NOT NULL,
    "altSearchNames" TEXT[],
    "districtCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "sources" TEXT[],

    CONSTRAINT "LegacyCommune_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "LineageLink" (
    "id" TEXT NOT NULL,
    "fromCode" TEXT NOT NULL,
    "toCode" TEXT NOT NULL,
    "kind" "LineageKind" NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "sources" TEXT[],
    "legalBasis" TEXT NOT NULL,

    CONSTRAINT "LineageLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistrictLineageLink" (
    "id" TEXT NOT NULL,
    "fromCode" TEXT NOT NULL,
    "toCode" TEXT NOT NULL,
    "kind" "LineageKind" NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "sources" TEXT[],
    "legalBasis" TEXT NOT NULL,

    CONSTRAINT "DistrictLineageLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LegacyProvince_successorCode_idx" ON "LegacyProvince"("successorCode");

-- CreateIndex
CREATE INDEX "LegacyDistrict_provinceCode_idx" ON "LegacyDistrict"("provinceCode");

-- CreateIndex
CREATE INDEX "LegacyCommune_districtCode_idx" ON "LegacyCommune"("districtCode");

-- CreateIndex
CREATE INDEX "LegacyCommune_provinceCode_idx" ON "LegacyCommune"("provinceCode");

-- CreateIndex
CREATE INDEX "LegacyCommune_searchName_idx" ON "LegacyCommune"("searchName");

-- CreateIndex
CREATE INDEX "LineageLink_toCode_idx" ON "LineageLink"("toCode");

-- CreateIndex
CREATE UNIQUE INDEX "LineageLink_fromCode_toCode_key" ON "LineageLink"("fromCode", "toCode");

-- CreateIndex
CREATE INDEX "DistrictLineageLink_toCode_idx" ON "DistrictLineageLink"("toCode");

-- CreateIndex
CREATE UNIQUE INDEX "DistrictLineageLink_fromCode_toCode_key" ON "DistrictLineageLink"("fromCode", "toCode");

-- AddForeignKey
ALTER TABLE "LegacyDistrict" ADD CONSTRAINT "LegacyDistrict_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "LegacyProvince"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegacyCommune" ADD CONSTRAINT "LegacyCommune_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "LegacyDistrict"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegacyCommune" ADD CONSTRAINT "LegacyCommune_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "LegacyProvince"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineageLink" ADD CONSTRAINT "LineageLink_fromCode_fkey" FOREIGN KEY ("fromCode") REFERENCES "LegacyCommune"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictLineageLink" ADD CONSTRAINT "DistrictLineageLink_fromCode_fkey" FOREIGN KEY ("fromCode") REFERENCES "LegacyDistrict"("code") ON DELETE CASCADE ON UPDATE CASCADE;
