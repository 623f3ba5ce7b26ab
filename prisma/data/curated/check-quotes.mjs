#!/usr/bin/env node
// Verifies the curated data set in this directory:
//  - every source file exists (../sources/<file>) and matches its recorded sha256;
//  - every figure's quote is a verbatim substring of its source file (read as UTF-8);
//  - every figure references an existing indicator and source, never a translation;
//  - figure ids are unique, enums are valid, units agree with the indicator, dates are ISO;
//  - every indicator is used; agency ids are unique, parents exist, agency quotes
//    that name a vendored source (quoteSource) are verbatim substrings of that file.
// Usage: node prisma/data/curated/check-quotes.mjs   (exit code 1 on any error)
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sourcesDir = join(here, '..', 'sources');
const load = (name) => JSON.parse(readFileSync(join(here, name), 'utf8'));

const sources = load('sources.json');
const indicators = load('indicators.json');
const figures = load('figures.json');
const agencies = existsSync(join(here, 'agencies.json')) ? load('agencies.json') : [];

const errors = [];
const err = (msg) => errors.push(msg);

const QUALIFIERS = new Set(['EXACT', 'AT_LEAST', 'MORE_THAN', 'APPROXIMATE', 'AT_MOST', 'LESS_THAN']);
const STATUSES = new Set(['REPORTED', 'PLANNED', 'TARGET']);
const SUBJECT_TYPES = new Set(['PROVINCE', 'LEGACY_PROVINCE', 'LEGACY_DISTRICT', 'COMMUNE', 'AGENCY']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDate = (s) => typeof s === 'string' && ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

// ---- sources
const sourceById = new Map();
const textById = new Map();
for (const s of sources) {
  if (sourceById.has(s.id)) err(`source ${s.id}: duplicate id`);
  sourceById.set(s.id, s);
  const path = join(sourcesDir, s.file);
  if (!existsSync(path)) { err(`source ${s.id}: file ${s.file} missing`); continue; }
  const buf = readFileSync(path);
  if (s.sha256 && createHash('sha256').update(buf).digest('hex') !== s.sha256) err(`source ${s.id}: sha256 mismatch for ${s.file}`);
  textById.set(s.id, buf.toString('utf8'));
  if (s.publishedOn != null && !isIsoDate(s.publishedOn)) err(`source ${s.id}: publishedOn not ISO date`);
  if (!/^https?:\/\//.test(s.url ?? '')) err(`source ${s.id}: url missing`);
  if (!textById.get(s.id).includes(s.url)) err(`source ${s.id}: url not found in file text`);
  if (s.title != null && !textById.get(s.id).includes(s.title)) err(`source ${s.id}: title not found verbatim in file`);
}
for (const s of sources) {
  if (s.translationOf != null && !sourceById.has(s.translationOf)) err(`source ${s.id}: translationOf ${s.translationOf} unknown`);
}

// ---- indicators
const indicatorByCode = new Map();
for (const i of indicators) {
  if (indicatorByCode.has(i.code)) err(`indicator ${i.code}: duplicate code`);
  if (!/^[a-z][a-z0-9_]*$/.test(i.code)) err(`indicator ${i.code}: code not snake_case`);
  for (const k of ['name', 'nameVi', 'unit', 'description']) if (!i[k]) err(`indicator ${i.code}: missing ${k}`);
  indicatorByCode.set(i.code, i);
}

// ---- figures
const figureIds = new Set();
const usedIndicators = new Set();
for (const f of figures) {
  const where = `figure ${f.id}`;
  if (figureIds.has(f.id)) err(`${where}: duplicate id`);
  figureIds.add(f.id);
  const ind = indicatorByCode.get(f.indicator);
  if (!ind) err(`${where}: unknown indicator ${f.indicator}`);
  else {
    usedIndicators.add(f.indicator);
    if (ind.unit !== f.unit) err(`${where}: unit ${f.unit} != indicator unit ${ind.unit}`);
  }
  const src = sourceById.get(f.source);
  if (!src) err(`${where}: unknown source ${f.source}`);
  else if (src.translationOf != null) err(`${where}: cites translation ${f.source}; cite the original ${src.translationOf}`);
  if (typeof f.value !== 'number' || !Number.isFinite(f.value)) err(`${where}: value not a finite number`);
  if (!QUALIFIERS.has(f.qualifier)) err(`${where}: bad qualifier ${f.qualifier}`);
  if (!STATUSES.has(f.status)) err(`${where}: bad status ${f.status}`);
  if (!isIsoDate(f.asOf)) err(`${where}: asOf not ISO date`);
  if (!f.subject || !SUBJECT_TYPES.has(f.subject.type)) err(`${where}: bad subject type`);
  if (f.unit === 'percent' && (f.value < 0 || f.value > 100)) err(`${where}: percent out of range`);
  if (typeof f.quote !== 'string' || f.quote.length === 0) err(`${where}: empty quote`);
  else if (textById.has(f.source) && !textById.get(f.source).includes(f.quote)) err(`${where}: quote is not a verbatim substring of ${src.file}`);
}
for (const code of indicatorByCode.keys()) if (!usedIndicators.has(code)) err(`indicator ${code}: not used by any figure`);

// ---- agencies
const agencyIds = new Set(agencies.map((a) => a.id));
if (agencyIds.size !== agencies.length) err('agencies: duplicate ids');
for (const a of agencies) {
  const where = `agency ${a.id}`;
  if (a.parentId != null && !agencyIds.has(a.parentId)) err(`${where}: unknown parentId ${a.parentId}`);
  if (!a.source || !a.source.url) err(`${where}: source needs a url`);
  else if (!a.source.title && !sourceById.has(a.source.sourceId)) err(`${where}: source needs a title (or a sourceId of a vendored source)`);
  if (a.quoteSource != null) {
    if (!textById.has(a.quoteSource)) err(`${where}: unknown quoteSource ${a.quoteSource}`);
    else if (!a.quote || !textById.get(a.quoteSource).includes(a.quote)) err(`${where}: quote not verbatim in ${a.quoteSource}`);
  }
}

const perSource = {};
for (const f of figures) perSource[f.source] = (perSource[f.source] ?? 0) + 1;
if (errors.length) {
  for (const e of errors) console.error(`ERROR ${e}`);
  console.error(`\n${errors.length} error(s)`);
  process.exit(1);
}
// ---- provincial sources for decree-frame departments
const provincial = existsSync(join(here, 'provincial-departments.json')) ? load('provincial-departments.json').provinces : [];
for (const p of provincial) {
  for (const b of p.bodies) {
    const text = textById.get(b.source);
    if (text == null) err(`provincial-departments ${p.provinceCode} ${b.slug}: unknown source ${b.source}`);
    else if (!text.includes(b.quote)) err(`provincial-departments ${p.provinceCode} ${b.slug}: quote is not verbatim in ${b.source}`);
  }
}

console.log(`OK: ${sources.length} sources, ${indicators.length} indicators, ${figures.length} figures, ${agencies.length} agencies, ${provincial.length} provinces with provincial sources`);
console.log('figures per source:', perSource);
