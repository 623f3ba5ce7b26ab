// `npm run bench:address`: accuracy and speed of address conversion (convertAddress).
//
//   npm run bench:address [-- --no-http] [--limit N] [--batches N]
//
// Every old commune of the legacy list (10,047; prisma/data) is written in eight styles, generated
// here from the committed data (synthetic inputs, real units), and converted by the same matcher
// the server uses, in process. For each style the script prints:
// - right first: the first candidate is the old commune's successor (for a split commune whose
//   whole population went to one successor, that successor);
// - flag right: `unambiguous` equals what the written text allows. The expected value is computed
//   here without the matcher: the old communes the text can denote (same name, folded when written
//   without diacritics; same district, province and unit type when given) must all lead to one
//   new unit;
// - silent wrong: `unambiguous` is true and the first candidate is not a successor.
// Then the throughput: in process (matchAddress over all inputs) and over HTTP (a real port,
// convertAddresses in batches of 1,000, answers checked against the in-process ones).
import http from "node:http";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { buildIndex } from "../packages/server/src/data/address/index.js";
import { isUnambiguous, matchAddress } from "../packages/server/src/data/address/match.js";
import type { AddressInput } from "../packages/server/src/data/address/parse.js";
import { fold } from "../packages/server/src/data/vietnamese-names.js";
import { readLegacyData } from "../packages/server/src/data/legacy-files.js";
import { openDatabase } from "../packages/server/src/db.js";
import { migrate } from "../packages/server/src/db/migrate.js";
import { seed } from "../packages/server/src/db/seed.js";
import { seedLineage } from "../packages/server/src/db/seed-lineage.js";
import { createServer } from "../packages/server/src/http/server.js";

const { values } = parseArgs({
  options: {
    "no-http": { type: "boolean", default: false },
    // Also time each style alone (after both passes, so with warm caches).
    "per-style": { type: "boolean", default: false },
    limit: { type: "string" },
    batches: { type: "string", default: "20" },
    // Print this many inputs per style whose first candidate is not the right unit (nor a twin), and as many whose flag is wrong.
    misses: { type: "string", default: "0" },
  },
});

const data = readLegacyData();
const index = buildIndex({
  provinces: data.provinces,
  districts: data.districts,
  communes: data.communes,
  links: data.lineage.filter((l) => l.fromLevel === "COMMUNE").map((l) => ({ ...l, id: `${l.fromCode}>${l.toCode}`, population: l.population ?? null })),
  districtLinks: data.lineage.filter((l) => l.fromLevel === "DISTRICT").map((l) => ({ ...l, id: `${l.fromCode}>${l.toCode}`, population: null })),
});
const provinceBy = new Map(data.provinces.map((p) => [p.code, p]));
const districtBy = new Map(data.districts.map((d) => [d.code, d]));
const successors = new Map<string, { to: string; population: string | null }[]>();
for (const l of data.lineage) if (l.fromLevel === "COMMUNE") successors.set(l.fromCode, [...(successors.get(l.fromCode) ?? []), { to: l.toCode, population: l.population ?? null }]);
/** Where an address of the old commune belongs: its one successor, or the one that took the whole population. */
function home(code: string): string | null {
  const s = successors.get(code) ?? [];
  if (s.length === 1) return s[0]!.to;
  return s.find((x) => x.population === "ALL")?.to ?? null;
}

type Commune = (typeof data.communes)[number];
const PREFIX = { COMMUNE: "Xã", WARD: "Phường", TOWNSHIP: "Thị trấn" } as const;
const ABBR = { COMMUNE: "X.", WARD: "P.", TOWNSHIP: "TT." } as const;
const EN = { COMMUNE: "Commune", WARD: "Ward", TOWNSHIP: "Town" } as const;
const districtAbbr = (full: string) => full.replace(/^Huyện /u, "H. ").replace(/^Quận /u, "Q. ").replace(/^Thị xã /u, "TX. ").replace(/^Thành phố /u, "TP. ");
const provinceAbbr = (full: string) => full.replace(/^Tỉnh /u, "T. ").replace(/^Thành phố /u, "TP. ");
const districtEn = (full: string, name: string) =>
  /^Quận/u.test(full) ? (/^\d+$/u.test(name) ? `District ${name}` : `${fold(name).replace(/\b\w/gu, (c) => c.toUpperCase())} District`) : /^Huyện/u.test(full) ? `${name} District` : /^Thị xã/u.test(full) ? `${name} Town` : `${name} City`;
const provinceEn = (p: { name: string; fullName: string }) =>
  p.name === "Hồ Chí Minh" ? "Ho Chi Minh City" : p.name === "Hà Nội" ? "Hanoi" : /^Thành phố/u.test(p.fullName) ? `${p.name} City` : `${p.name} Province`;
const communeEn = (c: Commune) => (c.type === "WARD" && /^\d+$/u.test(c.name) ? `Ward ${c.name}` : `${c.name} ${EN[c.type]}`);

interface Style {
  id: string;
  write(c: Commune): string;
  /** What the text tells about the commune: which parts are given, and whether diacritics are. */
  tells: { district: boolean; province: boolean; type: boolean; marks: boolean };
}
const STYLES: Style[] = [
  { id: "formal", write: (c) => `${c.fullName}, ${districtBy.get(c.districtCode)!.fullName}, ${provinceBy.get(c.provinceCode)!.fullName}`, tells: { district: true, province: true, type: true, marks: true } },
  { id: "no-diacritics", write: (c) => [c.fullName, districtBy.get(c.districtCode)!.fullName, provinceBy.get(c.provinceCode)!.fullName].map(fold).join(", "), tells: { district: true, province: true, type: true, marks: false } },
  { id: "abbreviated", write: (c) => `${ABBR[c.type]} ${c.name}, ${districtAbbr(districtBy.get(c.districtCode)!.fullName)}, ${provinceAbbr(provinceBy.get(c.provinceCode)!.fullName)}`, tells: { district: true, province: true, type: true, marks: true } },
  { id: "street-bare", write: (c) => `Số 12 đường Lê Lợi, ${c.name}, ${districtBy.get(c.districtCode)!.name}, ${provinceBy.get(c.provinceCode)!.name}`, tells: { district: true, province: true, type: false, marks: true } },
  { id: "no-district", write: (c) => `${c.fullName}, ${provinceBy.get(c.provinceCode)!.fullName}`, tells: { district: false, province: true, type: true, marks: true } },
  { id: "no-commas", write: (c) => `${c.fullName} ${districtBy.get(c.districtCode)!.fullName} ${provinceBy.get(c.provinceCode)!.fullName}`, tells: { district: true, province: true, type: true, marks: true } },
  { id: "english", write: (c) => `${communeEn(c)}, ${districtEn(districtBy.get(c.districtCode)!.fullName, districtBy.get(c.districtCode)!.name)}, ${provinceEn(provinceBy.get(c.provinceCode)!)}`, tells: { district: true, province: true, type: true, marks: true } },
  { id: "no-diacritics-no-commas", write: (c) => fold(`${c.fullName} ${districtBy.get(c.districtCode)!.fullName} ${provinceBy.get(c.provinceCode)!.fullName}`), tells: { district: true, province: true, type: true, marks: false } },
];

/** The new units an address written in `style` may mean, computed from the data, not the matcher. */
// Names written with marks are told apart by them, except where a tone mark sits ("Hoà" = "Hòa"):
// each word's tone mark is moved to its end.
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const spelled = (s: string) =>
  s
    .toLowerCase()
    .split(/\s+/u)
    .map((word) => {
      const d = word.normalize("NFD");
      return d.replace(TONES, "").normalize("NFC") + (d.match(TONES) ?? []).join("");
    })
    .join(" ");
const byFolded = new Map<string, Set<Commune>>();
for (const o of data.communes) for (const n of [o.name, ...o.altNames]) byFolded.set(fold(n), (byFolded.get(fold(n)) ?? new Set()).add(o));
/** The old communes the text written in `style` may denote (the commune itself among them), from the data alone. */
function denoted(c: Commune, style: Style): Commune[] {
  return [...(byFolded.get(fold(c.name)) ?? [])].filter(
    (o) =>
      (style.tells.marks ? [o.name, ...o.altNames].some((n) => spelled(n) === spelled(c.name)) : true) &&
      (!style.tells.district || fold(districtBy.get(o.districtCode)!.name) === fold(districtBy.get(c.districtCode)!.name)) &&
      (!style.tells.province || o.provinceCode === c.provinceCode) &&
      (!style.tells.type || o.type === c.type),
  );
}

const communes = values.limit ? data.communes.slice(0, Number(values.limit)) : data.communes;
const rows: { style: string; line: string; code: string; homeCode: string | null; expectUnambiguous: boolean; twins: Set<string> }[] = [];
for (const style of STYLES)
  for (const c of communes) {
    const same = denoted(c, style);
    const homes = new Set(same.map((o) => home(o.code)));
    const twins = new Set(same.map((o) => o.code).filter((code) => code !== c.code));
    rows.push({ style: style.id, line: style.write(c), code: c.code, homeCode: home(c.code), expectUnambiguous: homes.size === 1 && !homes.has(null), twins });
  }

// ---- accuracy, in process ----
const stats = new Map<string, { n: number; right: number; twin: number; flag: number; silent: number; silentExamples: string[]; missExamples: string[]; flagExamples: string[] }>();
const answers: string[] = [];
// Wall time and this process's CPU time: on a shared machine the CPU time is the steadier measure
// (other processes' load stretches the wall clock, not the work done).
const timed = <T>(work: () => T) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const { user, system } = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - started, cpuMs: (user + system) / 1000 };
};
// First pass: nothing of the inputs seen before (name folding keeps what it computed: data/vietnamese-names.ts).
const first = timed(() => rows.map((r) => matchAddress({ line: r.line }, index)));
const matches = first.result;
// Second pass: the same inputs again, as a server sees the same communes and districts written again.
const second = timed(() => rows.map((r) => matchAddress({ line: r.line }, index)));
rows.forEach((r, i) => {
  const m = matches[i]!;
  const s = stats.get(r.style) ?? { n: 0, right: 0, twin: 0, flag: 0, silent: 0, silentExamples: [], missExamples: [], flagExamples: [] };
  stats.set(r.style, s);
  s.n++;
  const first = m.candidates[0] ?? m.districtCandidates[0];
  const unambiguous = isUnambiguous(m);
  const okSuccessors = new Set((successors.get(r.code) ?? []).map((x) => x.to));
  const right = first !== undefined && (r.homeCode ? first.toCode === r.homeCode : okSuccessors.has(first.toCode)) && "legacyCode" in first && first.legacyCode === r.code;
  // A twin first: the text cannot tell the commune from another old commune (same name as written,
  // same district, province and unit type where given), the answer puts that twin first and lists
  // this commune at the same score. No matcher can do better than one of each such pair first.
  const twin =
    !right && first !== undefined && "legacyCode" in first && r.twins.has(first.legacyCode) && m.candidates.some((c) => c.legacyCode === r.code && c.score === first.score);
  if (right) s.right++;
  else if (twin) s.twin++;
  else if (s.missExamples.length < Number(values.misses))
    s.missExamples.push(`${r.line} (old ${r.code}) → ${first ? `${"legacyCode" in first ? first.legacyCode : "?"}→${first.toCode}` : "nothing"}, unambiguous ${unambiguous}, want ${r.homeCode ?? [...okSuccessors].join("/")}`);
  if (unambiguous === r.expectUnambiguous) s.flag++;
  else if (s.flagExamples.length < Number(values.misses))
    s.flagExamples.push(`${r.line} (old ${r.code}) → unambiguous ${unambiguous}, expected ${r.expectUnambiguous}; first ${first ? `${"legacyCode" in first ? first.legacyCode : "?"}→${first.toCode}` : "nothing"}`);
  if (unambiguous && first && !okSuccessors.has(first.toCode)) {
    s.silent++;
    if (s.silentExamples.length < 3) s.silentExamples.push(`${r.line} → ${first.toCode} (want ${[...okSuccessors].join("/")})`);
  }
  answers.push(`${first?.toCode ?? "-"}:${unambiguous}`);
});

// The ceiling of "right first": communes written as the same text get the same answer, so at most
// one of them can be first; no matcher can be right first on more addresses than there are texts.
const texts = new Map<string, Set<string>>();
for (const r of rows) texts.set(r.style, (texts.get(r.style) ?? new Set()).add(r.line));
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(2)} %`;
console.log(`Address conversion: ${communes.length} old communes × ${STYLES.length} styles = ${rows.length} addresses (synthetic text generated from prisma/data; real units)`);
console.log("style                     right first   ceiling   twin first   right or twin   flag right   silent wrong");
for (const [style, s] of stats)
  console.log(
    `${style.padEnd(25)} ${pct(s.right, s.n).padStart(11)} ${pct(texts.get(style)!.size, s.n).padStart(9)} ${String(s.twin).padStart(12)} ${pct(s.right + s.twin, s.n).padStart(15)} ${pct(s.flag, s.n).padStart(12)} ${String(s.silent).padStart(14)}`,
  );
for (const [style, s] of stats) for (const e of s.silentExamples) console.log(`  silent wrong (${style}): ${e}`);
for (const [style, s] of stats) for (const e of s.missExamples) console.log(`  not right first (${style}): ${e}`);
for (const [style, s] of stats) for (const e of s.flagExamples) console.log(`  flag wrong (${style}): ${e}`);
const rate = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString("en-US");
if (values["per-style"]) {
  for (const style of STYLES) {
    const lines = rows.filter((r) => r.style === style.id).map((r) => r.line);
    const pass = timed(() => lines.map((line) => matchAddress({ line }, index)));
    console.log(`  ${style.id}: ${rate(lines.length, pass.cpuMs)} per CPU second`);
  }
}
for (const [name, pass] of [["first pass", first], ["second pass", second]] as const)
  console.log(
    `in process, ${name}: ${rows.length} addresses in ${pass.wallMs.toFixed(0)} ms = ${rate(rows.length, pass.wallMs)} addresses/s; ` +
      `${rate(rows.length, pass.cpuMs)} addresses per CPU second (includes parsing)`,
  );

// ---- over HTTP, in batches of 1,000 ----
if (!values["no-http"]) {
  const pglite = new PGlite();
  const db = await openDatabase({ pglite });
  await migrate(db);
  await seed(db);
  await seedLineage(db);
  const yoga = createServer({ db, today: () => "2026-11-27", responseCache: false, config: { RATE_LIMIT_ANONYMOUS: 1_000_000_000, RATE_LIMIT_KEY: 1_000_000_000 } });
  const server = http.createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const query = "query($inputs:[LegacyAddressInput!]!){convertAddresses(inputs:$inputs){unambiguous candidates{commune{code}}}}";
  const post = async (inputs: AddressInput[]) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables: { inputs } }) });
    const body = (await response.json()) as { data?: { convertAddresses: { unambiguous: boolean; candidates: { commune: { code: string } }[] }[] }; errors?: unknown };
    if (!body.data) throw new Error(`HTTP batch failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
    return body.data.convertAddresses;
  };
  await post(rows.slice(0, 1000).map((r) => ({ line: r.line }))); // warm-up (loads the index)
  const times: number[] = [];
  let mismatches = 0;
  const batches = Math.min(Number(values.batches), Math.floor(rows.length / 1000));
  // The server runs in this process: its CPU time and the client's (building, sending and parsing
  // the batches) are both counted, so the rate is addresses per CPU second of server and client.
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let b = 0; b < batches; b++) {
    // spread batches over the styles
    const at = Math.floor((b * rows.length) / batches);
    const slice = rows.slice(at, at + 1000);
    const t0 = performance.now();
    const out = await post(slice.map((r) => ({ line: r.line })));
    times.push(performance.now() - t0);
    out.forEach((o, i) => {
      if (`${o.candidates[0]?.commune.code ?? "-"}:${o.unambiguous}` !== answers[at + i]) mismatches++;
    });
  }
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(0);
  console.log(
    `over HTTP: ${batches} batches of 1,000 (convertAddresses, real port): ${rate(batches * 1000, wallMs)} addresses/s; ` +
      `${rate(batches * 1000, cpuMs)} addresses per CPU second (server and client); per batch p50 ${q(0.5)} ms, p99 ${q(0.99)} ms; answers differing from in-process: ${mismatches}`,
  );
  server.close();
  await db.close();
  await pglite.close();
}
console.log("Measured on a shared 2-core machine under load from other processes: throughput figures are lower bounds.");
