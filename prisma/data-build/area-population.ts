// Area and population of every province and commune-level unit, from the official administrative map portal
// (sapnhap.bando.com.vn) as crawled into thanglequoc/vietnamese-provinces-database (pinned commit), checked unit by unit.
//
// Entry point: npx tsx prisma/data-build/area-population.ts   (npm run data:build:area-population)
// Reads the thanglequoc checkout (a clone or a bare mirror) at $VNGOV_TLQ_GIT, default <sources>/vietnamese-provinces-database,
// through `git cat-file` at the pinned commit, so the checkout's work tree does not matter.
// Writes prisma/data/area-population.json, prisma/data/area-population-report.md and the vendored record extract
// prisma/data/sources/005_sapnhap-bando-records.txt (the quotes of the figures are lines of that file).
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Counter, fold, nfc, toneKey, writeJson, writeText } from "./lib.ts";
import { PINNED, REPO_ROOT } from "./sources.ts";

const CRAWL_DIR = "dataset-generation-scripts/resources/gis/sapnhapbando_geojson";
const DONVI = "dataset-generation-scripts/sapnhap-bando-crawler/donvi_tinhthanh.json";
export const EXTRACT_FILE = "005_sapnhap-bando-records.txt";

/** A unit's record area must be within this share of its boundary file's stated natural area to count as its own record. */
const AREA_TOLERANCE = 0.02;
/** Below this a commune-level population is not plausible (the smallest verified communes have over 1,000 people), except island special zones. */
const MIN_POPULATION = 1000;

interface Unit { code: string; name: string; fullName: string; type?: string; provinceCode?: string }
interface GeoUnit { code: string; sourceAreaKm2: number | null }

function tlqDir(): string {
  return process.env["VNGOV_TLQ_GIT"] ?? join(process.env["VNGOV_SOURCES_DIR"] ?? join(REPO_ROOT, ".sources"), "vietnamese-provinces-database");
}

/** Every file under `dir` at the pinned commit, read in one `git cat-file --batch`. */
function readTree(dir: string, commit: string, prefix: string): Map<string, string> {
  const names = execFileSync("git", ["-C", dir, "ls-tree", "-r", "--name-only", commit, `${prefix}/`], { encoding: "utf8", maxBuffer: 1 << 26 })
    .split("\n")
    .filter(Boolean);
  const input = names.map((n) => `${commit}:${n}`).join("\n") + "\n";
  const out = spawnSync("git", ["-C", dir, "cat-file", "--batch"], { input, maxBuffer: 1 << 30 }).stdout;
  const files = new Map<string, string>();
  let at = 0;
  for (const name of names) {
    const nl = out.indexOf(10, at);
    const header = out.subarray(at, nl).toString("utf8").split(" ");
    at = nl + 1;
    if (header[1] === "missing") continue; // objects absent from a partial mirror: counted as missing records
    const size = Number(header[2]);
    files.set(name, out.subarray(at, at + size).toString("utf8"));
    at += size + 1;
  }
  return files;
}

/** "13.795,50" (Vietnamese separators) or "17.75" (decimal point) → number. */
function parseVi(s: string, vietnamese: boolean): number {
  const t = vietnamese ? s.replace(/\./gu, "").replace(",", ".") : s;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${s}`);
  return n;
}

const stripPrefix = (s: string) => s.replace(/^(Thủ đô|Thành phố|Tỉnh|Xã|Phường|Đặc khu)\s+/iu, "");
const nameKey = (s: string) => toneKey(fold(stripPrefix(s).replace(/[’']/gu, "'")));

interface Flag { code: string; message: string }

export function buildAreaPopulation() {
  const dir = tlqDir();
  const commit = PINNED.tlq;
  const dataDir = join(REPO_ROOT, "prisma", "data");
  const provinces: Unit[] = JSON.parse(readFileSync(join(dataDir, "provinces.json"), "utf8"));
  const communes: Unit[] = JSON.parse(readFileSync(join(dataDir, "communes.json"), "utf8"));
  const geo: { provinces: GeoUnit[]; communes: GeoUnit[] } = JSON.parse(readFileSync(join(dataDir, "geo", "units.json"), "utf8"));
  const geoArea = new Map([...geo.provinces, ...geo.communes].map((u) => [u.code, u.sourceAreaKm2]));
  const communeByCode = new Map(communes.map((c) => [c.code, c]));

  const donvi: { ma: string; ten: string; malk: string; magoc: string }[] = JSON.parse(
    execFileSync("git", ["-C", dir, "show", `${commit}:${DONVI}`], { encoding: "utf8", maxBuffer: 1 << 26 }),
  );
  const byMalk = new Map(donvi.map((d) => [d.malk, d]));
  const files = readTree(dir, commit, CRAWL_DIR);
  const faults = new Counter();
  const extract: string[] = [
    "# Records of the official map of administrative units (sapnhap.bando.com.vn), one per line: <crawl file>\\t<record properties as JSON>.",
    `# Extracted without change of value from ${CRAWL_DIR}/ of thanglequoc/vietnamese-provinces-database at commit ${commit}`,
    "# (the repository's raw crawl of the portal's pread_json service; geometry left out). ti<n>: province records (a06_dt area in km², a07_ds population,",
    "# Vietnamese separators); xa<n>: commune-level records (a07_dt area in km², a08_ds population). Keyed to official codes through donvi_tinhthanh.json (malk → ma).",
  ];
  const provinceOut: Record<string, unknown>[] = [];
  const communeRecords = new Map<string, { line: string; file: string; props: Record<string, string | null>; flags: Flag[] }>();

  const fileKey = (f: string) => f.slice(CRAWL_DIR.length + 1).replace(/\.geojson$/u, "");
  const ordered = [...files.keys()].sort((a, b) => {
    const ka = fileKey(a), kb = fileKey(b);
    return ka.slice(0, 2) === kb.slice(0, 2) ? Number(ka.slice(2)) - Number(kb.slice(2)) : ka < kb ? -1 : 1; // ti before xa
  });
  const expected = 34 + 3321;
  if (files.size < expected) faults.add("crawl file missing from the repository snapshot", expected - files.size);

  for (const file of ordered) {
    const key = fileKey(file);
    const props = JSON.parse(files.get(file)!).features[0].properties as Record<string, string | null>;
    if (key.startsWith("ti")) {
      const kept = { a01_ten: props["a01_ten"], a02_tinh: props["a02_tinh"], a06_dt: props["a06_dt"], a07_ds: props["a07_ds"] };
      const line = `${key}\t${JSON.stringify(kept)}`;
      extract.push(line);
      const code = byMalk.get(String(props["a02_tinh"]))?.ma;
      const province = provinces.find((p) => p.code === code);
      const flags: Flag[] = [];
      if (!province) throw new Error(`${key}: province record ${props["a02_tinh"]} has no code`);
      if (nameKey(String(props["a01_ten"])) !== nameKey(province.fullName)) throw new Error(`${key}: ${props["a01_ten"]} is not ${province.fullName}`);
      const area = parseVi(String(props["a06_dt"]), true);
      const population = parseVi(String(props["a07_ds"]), true);
      const boundary = geoArea.get(province.code) ?? null;
      const areaAgrees = boundary != null && Math.abs(area - boundary) / boundary <= AREA_TOLERANCE;
      if (!areaAgrees) {
        faults.add("province area disagrees with its boundary file");
        flags.push({ code: "AREA_DISAGREES_WITH_BOUNDARY", message: `record ${area} km², boundary file ${boundary} km²` });
      }
      provinceOut.push({ code: province.code, naturalAreaKm2: areaAgrees ? area : null, population, record: key, boundaryAreaKm2: boundary, ...(flags.length ? { flags } : {}) });
      continue;
    }
    const kept = {
      a01_tinh: props["a01_tinh"], a02_xa: props["a02_xa"], a03_ten: props["a03_ten"], a04_tentinh: props["a04_tentinh"],
      a07_dt: props["a07_dt"], a08_ds: props["a08_ds"],
    };
    const line = `${key}\t${JSON.stringify(kept)}`;
    extract.push(line);
    const flags: Flag[] = [];
    let code = byMalk.get(String(props["a02_xa"]))?.ma ?? null;
    const name = nfc(String(props["a03_ten"]))!;
    if (code == null || !communeByCode.has(code)) {
      // The crawl's key file carries a few codes the binding list does not have (06978 for Ba Chẽ, 00071 for Hiệp Hòa,
      // both in Quảng Ninh): the record goes to the one unit of the same name in the same province, flagged.
      const provinceCode = byMalk.get(String(props["a01_tinh"]))?.ma;
      const same = communes.filter((c) => c.provinceCode === provinceCode && nameKey(c.fullName) === nameKey(name));
      if (same.length !== 1) {
        faults.add("record with an unknown code and no unit of its name");
        continue;
      }
      faults.add("record keyed to a code the registry does not have (re-keyed by name)");
      flags.push({ code: "RECORD_REKEYED", message: `the crawl keys "${name}" to ${code}; the registry's unit of that name in the province is ${same[0]!.code}` });
      code = same[0]!.code;
    }
    if (communeRecords.has(code)) {
      faults.add("second record for one unit (left out)");
      continue;
    }
    communeRecords.set(code, { line, file: key, props, flags });
  }

  const communeOut: Record<string, unknown>[] = [];
  for (const unit of communes) {
    const boundary = geoArea.get(unit.code) ?? null;
    const rec = communeRecords.get(unit.code);
    const flags: Flag[] = rec ? [...rec.flags] : [];
    let recordArea: number | null = null;
    let population: number | null = null;
    let paired = false;
    if (!rec) {
      faults.add("unit without a record in the crawl");
      flags.push({ code: "NO_RECORD", message: "the crawl has no record for this unit" });
    } else {
      const area = parseVi(String(rec.props["a07_dt"]), false);
      if (nameKey(String(rec.props["a03_ten"])) !== nameKey(unit.fullName)) {
        faults.add("record names another unit (area and population left out)");
        flags.push({ code: "RECORD_NAMES_ANOTHER_UNIT", message: `the record keyed to ${unit.code} is named "${rec.props["a03_ten"]}"` });
      } else if (boundary != null && Math.abs(area - boundary) / boundary <= AREA_TOLERANCE) {
        paired = true;
        recordArea = area;
      } else if (boundary != null && Math.abs(area / 1000 - boundary) / boundary <= AREA_TOLERANCE) {
        // The pairing holds (the area is this unit's, written 1,000 × too large), so the population is the unit's too.
        paired = true;
        faults.add("area 1,000 × too large (area left out, population kept)");
        flags.push({ code: "AREA_1000X", message: `record area ${area} km² is 1,000 × the boundary file's ${boundary} km²` });
      } else {
        faults.add("record carries another unit's figures: area disagrees with the boundary (area and population left out)");
        flags.push({ code: "RECORD_SHUFFLED", message: `record area ${area} km² disagrees with the boundary file's ${boundary} km²: the record's figures belong to another unit` });
      }
      if (paired) {
        const raw = rec.props["a08_ds"];
        const n = raw == null || raw === "" ? null : Number(raw);
        if (n == null || !Number.isInteger(n)) {
          faults.add("no population in the record");
          flags.push({ code: "NO_POPULATION", message: "the record gives no population" });
        } else if (n < MIN_POPULATION && unit.type !== "SPECIAL_ZONE") {
          faults.add(`population below ${MIN_POPULATION} (left out)`);
          flags.push({ code: "POPULATION_IMPLAUSIBLE", message: `record population ${n} is below ${MIN_POPULATION}` });
        } else {
          if (n < MIN_POPULATION) flags.push({ code: "SMALL_ISLAND_POPULATION", message: `population ${n}: kept, an island special zone` });
          population = n;
        }
      }
    }
    communeOut.push({
      code: unit.code,
      provinceCode: unit.provinceCode,
      naturalAreaKm2: boundary,
      recordAreaKm2: recordArea,
      population,
      record: rec?.file ?? null,
      checked: paired,
      ...(flags.length ? { flags } : {}),
    });
  }

  const extractText = extract.join("\n") + "\n";
  writeText(join(dataDir, "sources", EXTRACT_FILE), extractText);
  const sha256 = createHash("sha256").update(extractText, "utf8").digest("hex");
  const result = {
    source: {
      id: "sapnhap-bando-records",
      file: EXTRACT_FILE,
      sha256,
      repository: "https://github.com/thanglequoc/vietnamese-provinces-database",
      commit,
      path: `${CRAWL_DIR}/`,
      asOf: "2025-07-01",
    },
    checks: {
      areaTolerance: AREA_TOLERANCE,
      minPopulation: MIN_POPULATION,
    },
    provinces: provinceOut,
    communes: communeOut,
  };
  writeJson(join(dataDir, "area-population.json"), result);
  writeText(join(dataDir, "area-population-report.md"), report(provinceOut, communeOut, faults));
  return result;
}

function report(provinces: Record<string, unknown>[], communes: Record<string, unknown>[], faults: Counter): string {
  const withPop = communes.filter((c) => c["population"] != null);
  const lines = [
    "# Area and population: quality report",
    "",
    "Generated by `prisma/data-build/area-population.ts` from the crawl of sapnhap.bando.com.vn in thanglequoc/vietnamese-provinces-database.",
    "",
    "## Checks",
    "",
    `- A commune-level record is the unit's own only when its name is the unit's name and its area is within ${AREA_TOLERANCE * 100} % of the natural area stated by the unit's boundary file (\`geo/units.json\` \`sourceAreaKm2\`, the same portal's figure, matched to the geometry). Otherwise neither its area nor its population is used.`,
    `- A population below ${MIN_POPULATION} is left out, except for island special zones.`,
    "- A province record's area must agree with its boundary file's within the same tolerance; its population is used as stated.",
    "- `naturalAreaKm2` of a commune is the boundary file's natural area (all 3,321); its figure of indicator `natural_area_km2` is published only where the portal record passed the checks.",
    "",
    "## Counts",
    "",
    `- provinces: ${provinces.length}, with population ${provinces.filter((p) => p["population"] != null).length}, with area ${provinces.filter((p) => p["naturalAreaKm2"] != null).length}`,
    `- commune-level units: ${communes.length}, with natural area ${communes.filter((c) => c["naturalAreaKm2"] != null).length}, with a checked record ${communes.filter((c) => c["checked"]).length}, with population ${withPop.length}`,
    "",
    "## Faults found in the source, each counted",
    "",
    ...faults.entries().map(([k, n]) => `- ${k}: ${n}`),
    "",
    "## Population covered, per province (sum of kept commune populations / province population)",
    "",
    "| Province | Province population | Communes with population | Sum | Share |",
    "|---|---:|---:|---:|---:|",
  ];
  for (const p of provinces.sort((a, b) => String(a["code"]).localeCompare(String(b["code"])))) {
    const mine = communes.filter((c) => c["provinceCode"] === p["code"]);
    const kept = mine.filter((c) => c["population"] != null);
    const sum = kept.reduce((s, c) => s + Number(c["population"]), 0);
    lines.push(`| ${p["code"]} | ${p["population"]} | ${kept.length}/${mine.length} | ${sum} | ${((100 * sum) / Number(p["population"])).toFixed(1)} % |`);
  }
  lines.push(
    "",
    "Where every unit passed, the share still ranges from 69 % (Cà Mau, 64 of 64) to over 100 % (Lai Châu, Lạng Sơn, Thanh Hóa, Huế): the portal's unit figures and its province figures do not add up, so a province's population is always its own record, never a sum.",
  );
  return lines.join("\n");
}

if (process.argv[1]?.endsWith("area-population.ts")) {
  const r = buildAreaPopulation();
  console.log(`area-population: ${r.provinces.length} provinces, ${r.communes.length} communes, ${r.communes.filter((c) => c["population"] != null).length} commune populations kept`);
}
