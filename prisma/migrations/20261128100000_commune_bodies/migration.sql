-- Commune-level bodies (issue 23): People's Councils are agencies too, and agencies are dated, so that a commune
-- that becomes a ward has the bodies of a commune before and those of a ward after.

-- AlterEnum
ALTER TYPE "AgencyKind" ADD VALUE 'PEOPLES_COUNCIL';

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "validFrom" DATE NOT NULL DEFAULT '2025-07-01'::date,
ADD COLUMN     "validTo" DATE;
