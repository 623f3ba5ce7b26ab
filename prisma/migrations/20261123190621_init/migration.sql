-- CreateEnum
CREATE TYPE "ProvinceKind" AS ENUM ('PROVINCE', 'CITY');

-- CreateEnum
CREATE TYPE "CommuneType" AS ENUM ('COMMUNE', 'WARD', 'SPECIAL_ZONE');

-- CreateEnum
CREATE TYPE "ServiceCenterScope" AS ENUM ('COMMUNE', 'PROVINCE');

-- CreateEnum
CREATE TYPE "UnitEntity" AS ENUM ('PROVINCE', 'COMMUNE');

-- CreateTable
CREATE TABLE "ProvinceVersion" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameEn" TEXT,
    "kind" "ProvinceKind" NOT NULL,
    "searchName" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "ProvinceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommuneVersion" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameEn" TEXT,
    "type" "CommuneType" NOT NULL,
    "searchName" TEXT NOT NULL,
    "altSearchNames" TEXT[],
    "provinceCode" TEXT NOT NULL,
    "provinceVersionId" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "CommuneVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceCenter" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" "ServiceCenterScope" NOT NULL,
    "communeVersionId" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "ServiceCenter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistryEvent" (
    "id" TEXT NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "issuedOn" DATE,
    "legalBasis" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "RegistryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistryChange" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "entity" "UnitEntity" NOT NULL,
    "code" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "fromValue" TEXT NOT NULL,
    "toValue" TEXT NOT NULL,
    "newFullName" TEXT NOT NULL,
    "provinceVersionId" TEXT NOT NULL,
    "communeVersionId" TEXT,

    CONSTRAINT "RegistryChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeedState" (
    "dataset" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "seededAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedState_pkey" PRIMARY KEY ("dataset")
);

-- CreateIndex
CREATE INDEX "ProvinceVersion_validFrom_validTo_idx" ON "ProvinceVersion"("validFrom", "validTo");

-- CreateIndex
CREATE UNIQUE INDEX "ProvinceVersion_code_validFrom_key" ON "ProvinceVersion"("code", "validFrom");

-- CreateIndex
CREATE INDEX "CommuneVersion_provinceVersionId_code_idx" ON "CommuneVersion"("provinceVersionId", "code");

-- CreateIndex
CREATE INDEX "CommuneVersion_validFrom_validTo_idx" ON "CommuneVersion"("validFrom", "validTo");

-- CreateIndex
CREATE INDEX "CommuneVersion_provinceCode_idx" ON "CommuneVersion"("provinceCode");

-- CreateIndex
CREATE UNIQUE INDEX "CommuneVersion_code_validFrom_key" ON "CommuneVersion"("code", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceCenter_communeVersionId_key" ON "ServiceCenter"("communeVersionId");

-- CreateIndex
CREATE INDEX "RegistryEvent_effectiveOn_idx" ON "RegistryEvent"("effectiveOn");

-- CreateIndex
CREATE INDEX "RegistryChange_eventId_idx" ON "RegistryChange"("eventId");

-- CreateIndex
CREATE INDEX "RegistryChange_provinceCode_idx" ON "RegistryChange"("provinceCode");

-- AddForeignKey
ALTER TABLE "CommuneVersion" ADD CONSTRAINT "CommuneVersion_provinceVersionId_fkey" FOREIGN KEY ("provinceVersionId") REFERENCES "ProvinceVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceCenter" ADD CONSTRAINT "ServiceCenter_communeVersionId_fkey" FOREIGN KEY ("communeVersionId") REFERENCES "CommuneVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistryChange" ADD CONSTRAINT "RegistryChange_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "RegistryEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistryChange" ADD CONSTRAINT "RegistryChange_provinceVersionId_fkey" FOREIGN KEY ("provinceVersionId") REFERENCES "ProvinceVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistryChange" ADD CONSTRAINT "RegistryChange_communeVersionId_fkey" FOREIGN KEY ("communeVersionId") REFERENCES "CommuneVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
