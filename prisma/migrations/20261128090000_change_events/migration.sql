-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('REGISTRY_EVENT', 'FIGURE_ADDED', 'FIGURE_CORRECTED', 'FIGURE_RETRACTED');

-- CreateTable
CREATE TABLE "ChangeEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "ChangeKind" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "previousId" TEXT,
    "actor" TEXT,
    "reason" TEXT,

    CONSTRAINT "ChangeEvent_pkey" PRIMARY KEY ("id")
);

-- The registry events already loaded open the feed, oldest first (later ones are appended by the seed).
INSERT INTO "ChangeEvent" ("kind", "subjectId")
SELECT 'REGISTRY_EVENT', "id" FROM "RegistryEvent" ORDER BY "effectiveOn", "id";
