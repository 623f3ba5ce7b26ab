// Postal codes (mã bưu chính) of Decision 2334/QĐ-BKHCN (2025-08-24) for the 34 provinces and 3,321 commune-level units,
// from the vendored transcription of thanglequoc/vietnamese-provinces-database's SQL dataset, checked row by row.
//
// Entry point: npx tsx prisma/data-build/postal-codes.ts   (npm run data:build:postal-codes)
// Reads prisma/data/vendor/thanglequoc-postal-codes.tsv (see its header for the source file and commit), the registry
// (prisma/data/provinces.json, communes.json) and, when present, the second source's extract
// prisma/data/vendor/diachimoi-postal-codes.tsv. Writes prisma/data/postal-codes.json and prisma/data/postal-codes-report.md.
// Deterministic: the same inputs give byte-identical outputs.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cmp, writeJson, writeText } from "./lib.ts";
import { REPO_ROOT } from "./sources.ts";

const DATA = join(REPO_ROOT, "prisma", "data");
export const SOURCE_FILE = "vendor/thanglequoc-postal-codes.tsv";
export const SECOND_FILE = "vendor/diachimoi-postal-codes.tsv";

export const SOURCE = {
  id: "thanglequoc-postal-codes",
  decision: "2334/QĐ-BKHCN",
  decisionDate: "2025-08-24",
  repository: "https://github.com/thanglequoc/vietnamese-provinces-database",
  path: "postgresql/postgres_ImportData_vn_units.sql",
  commit: "256a66d52af9286d7c41420bdfa5b9569b60c39f",
  generatedAt: "2026-08-10",
  licence: "MIT",
  retrievedOn: "2026-11-27",
};

/**
 * Records whose code the source gives wrongly, with the evidence. The dataset's own patch v5.0.0
 * (patch/v5.0.0/v5.0.0_patch.sql, "UPDATE wards SET code = '06970' WHERE code = '06978'") moves Xã Ba Chẽ to
 * 06970, the code of the binding list (Decision 19/2025/QĐ-TTg), "all other columns of the ward row unchanged".
 */
const CODE_REPAIRS: Record<string, { to: string; evidence: string }> = {
  "06978": {
    to: "06970",
    evidence: "thanglequoc patch v5.0.0 (Xã Ba Chẽ, Quảng Ninh: 06978 → 06970, other columns unchanged); 06970 is the registry's code",
  },
};

interface Flag {
  code: string;
  message: string;
}

interface Parsed {
  provinces: Map<string, string[]>;
  wards: Array<{ code: string; postalCode: string }>;
}

/** Reads "province<TAB>code<TAB>p1,p2" and "ward<TAB>code<TAB>postal" rows; "#" lines are comments. */
export function parseExtract(text: string): Parsed {
  const provinces = new Map<string, string[]>();
  const wards: Array<{ code: string; postalCode: string }> = [];
  text.split("\n").forEach((line, index) => {
    if (line === "" || line.startsWith("#")) return;
    const [kind, code, value, ...rest] = line.split("\t");
    if (!code || value === undefined || rest.length > 0) throw new Error(`line ${index + 1}: expected 3 tab-separated fields: ${line}`);
    if (kind === "province") provinces.set(code, value.split(","));
    else if (kind === "ward") wards.push({ code, postalCode: value });
    else throw new Error(`line ${index + 1}: unknown row kind ${kind}`);
  });
  return { provinces, wards };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function main(): void {
  const sourceText = readFileSync(join(DATA, SOURCE_FILE), "utf8");
  const source = parseExtract(sourceText);
  const provinces = JSON.parse(readFileSync(join(DATA, "provinces.json"), "utf8")) as Array<{ code: string; fullName: string }>;
  const communes = JSON.parse(readFileSync(join(DATA, "communes.json"), "utf8")) as Array<{ code: string; fullName: string; provinceCode: string }>;
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const flags: Flag[] = [];
  const repairs: Array<{ from: string; to: string; evidence: string }> = [];

  // --- provinces: their prefixes ---
  const provinceRows = provinces
    .map((p) => ({ code: p.code, postalCodePrefixes: source.provinces.get(p.code) ?? [] }))
    .sort((a, b) => cmp(a.code, b.code));
  for (const code of source.provinces.keys()) {
    if (!provinceByCode.has(code)) flags.push({ code, message: `the source's province ${code} is not in the registry` });
  }
  const prefixOwner = new Map<string, string>();
  for (const row of provinceRows) {
    if (row.postalCodePrefixes.length === 0) flags.push({ code: row.code, message: "no postal-code prefix in the source" });
    for (const prefix of row.postalCodePrefixes) {
      if (!/^\d{2}$/u.test(prefix)) flags.push({ code: row.code, message: `prefix "${prefix}" is not 2 digits` });
      const owner = prefixOwner.get(prefix);
      if (owner) flags.push({ code: row.code, message: `prefix ${prefix} is also province ${owner}'s` });
      prefixOwner.set(prefix, row.code);
    }
  }

  // --- communes: one 5-digit code each ---
  const postalByCode = new Map<string, string>();
  const sourceCodes = new Set<string>();
  for (const ward of source.wards) {
    let code = ward.code;
    const repair = CODE_REPAIRS[code];
    if (repair && !communeByCode.has(code)) {
      repairs.push({ from: code, to: repair.to, evidence: repair.evidence });
      code = repair.to;
    }
    if (sourceCodes.has(code)) flags.push({ code, message: "the source lists this unit twice" });
    sourceCodes.add(code);
    if (!communeByCode.has(code)) {
      flags.push({ code, message: `the source's unit ${code} is not in the registry; its postal code ${ward.postalCode} is not used` });
      continue;
    }
    if (!/^\d{5}$/u.test(ward.postalCode)) {
      flags.push({ code, message: `postal code "${ward.postalCode}" is not 5 digits; not used` });
      continue;
    }
    postalByCode.set(code, ward.postalCode);
  }

  // Duplicates: Decision 2334 gives every unit its own code, so two units sharing one is a fault of the list or the copy.
  const unitsByPostal = new Map<string, string[]>();
  for (const [code, postal] of postalByCode) unitsByPostal.set(postal, [...(unitsByPostal.get(postal) ?? []), code]);
  const duplicates = [...unitsByPostal].filter(([, codes]) => codes.length > 1).sort((a, b) => cmp(a[0], b[0]));
  for (const [postal, codes] of duplicates) {
    for (const code of codes) flags.push({ code, message: `postal code ${postal} is shared with ${codes.filter((c) => c !== code).join(", ")}` });
  }

  // Prefix rule: a commune's code starts with one of its own province's prefixes (the source's postal_code_prefix).
  const prefixMismatches: Array<{ code: string; postal: string; province: string; owner: string | null }> = [];
  for (const [code, postal] of postalByCode) {
    const province = communeByCode.get(code)!.provinceCode;
    const prefixes = source.provinces.get(province) ?? [];
    if (!prefixes.includes(postal.slice(0, 2))) {
      const owner = prefixOwner.get(postal.slice(0, 2)) ?? null;
      prefixMismatches.push({ code, postal, province, owner });
      flags.push({
        code,
        message: `postal code ${postal} does not start with a prefix of province ${province} (${prefixes.join(", ")})${owner ? `; ${postal.slice(0, 2)} is province ${owner}'s` : ""}`,
      });
    }
  }
  // Every prefix a province has is used by at least one of its communes (else the prefix list is suspect).
  const unusedPrefixes: string[] = [];
  for (const row of provinceRows) {
    for (const prefix of row.postalCodePrefixes) {
      const used = [...postalByCode].some(([code, postal]) => postal.startsWith(prefix) && communeByCode.get(code)!.provinceCode === row.code);
      if (!used) unusedPrefixes.push(`${row.code}:${prefix}`);
    }
  }

  // --- second source, when its extract is vendored ---
  let second: { rows: number; agree: number; disagreements: Array<{ code: string; first: string | null; second: string }> } | null = null;
  if (existsSync(join(DATA, SECOND_FILE))) {
    const extract = parseExtract(readFileSync(join(DATA, SECOND_FILE), "utf8"));
    const disagreements: Array<{ code: string; first: string | null; second: string }> = [];
    let agree = 0;
    for (const ward of extract.wards) {
      const first = postalByCode.get(ward.code) ?? null;
      if (first === ward.postalCode) agree += 1;
      else {
        disagreements.push({ code: ward.code, first, second: ward.postalCode });
        flags.push({ code: ward.code, message: `the second source (DiaChiMoi) gives ${ward.postalCode}, the first ${first ?? "none"}` });
      }
    }
    second = { rows: extract.wards.length, agree, disagreements };
  }

  const flagsByCode = new Map<string, Flag[]>();
  for (const flag of flags) flagsByCode.set(flag.code, [...(flagsByCode.get(flag.code) ?? []), flag]);
  const communeRows = communes
    .map((c) => ({
      code: c.code,
      provinceCode: c.provinceCode,
      // a code that fails the checks above is not served
      postalCode: duplicates.some(([, codes]) => codes.includes(c.code)) || prefixMismatches.some((m) => m.code === c.code) ? null : (postalByCode.get(c.code) ?? null),
      flags: flagsByCode.get(c.code) ?? [],
    }))
    .sort((a, b) => cmp(a.code, b.code));
  const served = communeRows.filter((c) => c.postalCode !== null).length;

  writeJson(join(DATA, "postal-codes.json"), {
    source: { ...SOURCE, file: SOURCE_FILE, sha256: sha256(sourceText) },
    repairs,
    provinces: provinceRows,
    communes: communeRows,
  });

  const perProvince = provinceRows.map((p) => {
    const units = communeRows.filter((c) => c.provinceCode === p.code);
    return `| ${p.code} | ${provinceByCode.get(p.code)!.fullName} | ${p.postalCodePrefixes.join(", ")} | ${units.filter((c) => c.postalCode).length} / ${units.length} |`;
  });
  const report = [
    "# Postal codes: build report",
    "",
    "Generated by `npm run data:build:postal-codes` (`prisma/data-build/postal-codes.ts`); do not edit by hand.",
    "",
    `Source: the postal codes of Decision ${SOURCE.decision} (${SOURCE.decisionDate}) as carried by ${SOURCE.repository}, \`${SOURCE.path}\` (generated ${SOURCE.generatedAt}, commit \`${SOURCE.commit}\`, ${SOURCE.licence}), vendored as \`prisma/data/${SOURCE_FILE}\` (sha256 \`${sha256(sourceText)}\`).`,
    "The decision's own text is not vendored: every code rests on that dataset.",
    "",
    "## Coverage",
    "",
    `- Communes: ${served} of ${communes.length} have a 5-digit postal code served (${source.wards.length} rows in the source).`,
    `- Provinces: ${provinceRows.filter((p) => p.postalCodePrefixes.length > 0).length} of ${provinces.length} have their postal-code prefixes (the source gives a province its 2-digit prefixes, e.g. Hà Nội 10–14, not a 5-digit code of its own; none is served as Province.postalCode).`,
    "",
    "## Checks",
    "",
    `- Codes not 5 digits: ${flags.filter((f) => f.message.includes("not 5 digits")).length}.`,
    `- Units listed twice: ${flags.filter((f) => f.message.includes("twice")).length}.`,
    `- Postal codes shared by two or more units: ${duplicates.length}${duplicates.length ? ` (${duplicates.map(([postal, codes]) => `${postal}: ${codes.join(", ")}`).join("; ")})` : ""}.`,
    `- Source units not in the registry after repairs: ${flags.filter((f) => f.message.includes("not in the registry")).length}.`,
    `- Registry units without a row in the source: ${communes.filter((c) => !sourceCodes.has(c.code)).length}.`,
    `- Prefix rule. The source gives each province a list of 2-digit prefixes (${provinceRows.filter((p) => p.postalCodePrefixes.length > 1).length} provinces have more than one: merged provinces keep the prefixes of the provinces merged into them, e.g. Tuyên Quang 20 (old Hà Giang) and 22), so "a province's codes share their first 2 digits" holds only per prefix list. Checked: every commune's code starts with one of its own province's prefixes; ${prefixMismatches.length} do not${prefixMismatches.length ? `: ${prefixMismatches.map((m) => `${m.code} ${m.postal} (province ${m.province}${m.owner ? `, prefix of ${m.owner}` : ""})`).join("; ")}` : ""}. No prefix belongs to two provinces: ${flags.some((f) => f.message.includes("is also province")) ? "violated" : "holds"}. Prefixes that no commune of the province uses: ${unusedPrefixes.length ? unusedPrefixes.join(", ") : "none"}.`,
    "",
    "## Repairs",
    "",
    ...(repairs.length ? repairs.map((r) => `- ${r.from} → ${r.to}: ${r.evidence}.`) : ["- None."]),
    "",
    "## Second source",
    "",
    second
      ? `\`prisma/data/${SECOND_FILE}\` (${second.rows} rows): ${second.agree} agree, ${second.disagreements.length} disagree${second.disagreements.length ? `: ${second.disagreements.map((d) => `${d.code} ${d.first ?? "none"} vs ${d.second}`).join("; ")}` : ""}. DiaChiMoi (mahiepit/DiaChiMoi, MIT) builds its data from thanglequoc's dataset v5.2.0 (commit 8b78ba5118715e1fa81769286724db79346abf52), so it is not independent of the decision's copy: it checks the transcription and that the codes did not change between the two releases, not the decision itself.`
      : "None vendored.",
    "",
    "## The Hải Phòng typo",
    "",
    "The task's notes (DATA-NOTES, from thanglequoc's PR #183) report a typo in the decision's list for one Hải Phòng ward; the vendored text does not say",
    "which ward, nor whether the dataset kept or corrected the value. What can be checked here: every Hải Phòng (31) code is 5 digits, unique",
    `and starts with a Hải Phòng prefix (03, 04, 05): ${communeRows.filter((c) => c.provinceCode === "31" && c.flags.length > 0).length} of ${communeRows.filter((c) => c.provinceCode === "31").length} flagged. A typo that yields another valid, unused code of the right prefix cannot be seen without the decision's text.`,
    "",
    "## Per province",
    "",
    "| Code | Province | Prefixes | Communes with a code |",
    "|---|---|---|---|",
    ...perProvince,
  ];
  writeText(join(DATA, "postal-codes-report.md"), report.join("\n"));
  console.log(`postal codes: ${served}/${communes.length} communes, ${provinceRows.filter((p) => p.postalCodePrefixes.length).length}/${provinces.length} provinces; ${flags.length} flags`);
}

main();
