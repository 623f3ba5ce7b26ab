// Writes prisma/data/apparatus-report.md from the agency rows the figures seed would insert (db/apparatus-report.ts).
// Entry point: npm run data:build:apparatus
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { apparatusReport } from "../../packages/server/src/db/apparatus-report.ts";
import { buildFiguresRows, readFiguresData } from "../../packages/server/src/db/seed-figures.ts";
import { REPO_ROOT } from "./sources.ts";

const data = readFiguresData();
writeFileSync(join(REPO_ROOT, "prisma", "data", "apparatus-report.md"), apparatusReport(data, buildFiguresRows(data)));
