-- CreateEnum
CREATE TYPE "LineagePopulation" AS ENUM ('ALL', 'NONE');

-- DropIndex
DROP INDEX "LegacyCommune_searchName_idx";

-- AlterTable
ALTER TABLE "LegacyCommune" DROP COLUMN "altSearchNames",
DROP COLUMN "searchName";

-- AlterTable
ALTER TABLE "LegacyDistrict" DROP COLUMN "searchName";

-- AlterTable
ALTER TABLE "LegacyProvince" DROP COLUMN "searchName";

-- AlterTable
ALTER TABLE "LineageLink" ADD COLUMN     "population" "LineagePopulation";
