/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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
};

/** A commune-level unit (commune, ward or special zone) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type Commune = Node & {
  /** Official 5-digit commune-level unit code (e.g. "00004" for Phường Ba Đình, Hà Nội). */
  code: Scalars['String']['output'];
  /** Official Vietnamese name with its prefix on that day, e.g. "Phường Ba Đình". */
  fullName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Vietnamese name without the "Xã"/"Phường"/"Đặc khu" prefix, e.g. "Ba Đình". */
  name: Scalars['String']['output'];
  /** English name where a source gives one. */
  nameEn: Maybe<Scalars['String']['output']>;
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

/** A page of commune-level units. */
export type CommuneConnection = {
  edges: Array<CommuneEdge>;
  /** The page's objects, without cursors: a shortcut for edges { node }. */
  nodes: Array<Commune>;
  pageInfo: PageInfo;
  /** How many units match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** A commune-level unit and its cursor. */
export type CommuneEdge = {
  cursor: Scalars['String']['output'];
  node: Commune;
};

/** The three kinds of commune-level unit since 2025-07-01. */
export type CommuneType =
  /** A rural commune (xã). */
  | 'COMMUNE'
  /** A special zone (đặc khu), mostly island districts. */
  | 'SPECIAL_ZONE'
  /** An urban ward (phường). */
  | 'WARD';

/** An object that can be refetched by its global `id`. */
export type Node = {
  id: Scalars['ID']['output'];
};

/** Where this page sits in the whole list, for fetching the next one with `after`. */
export type PageInfo = {
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A province or centrally-run city of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type Province = Node & {
  /** Official 2-digit province code from the statistics office list (e.g. "15" for Lào Cai). */
  code: Scalars['String']['output'];
  /** The province's commune-level units on the same day as the province, ordered by code. `search` filters by name here; use Query.communes(provinceCode, search) for ranked search. */
  communes: CommuneConnection;
  /** Official Vietnamese name with its prefix on that day, e.g. "Tỉnh Lào Cai" or "Thành phố Đồng Nai". */
  fullName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Province or centrally-run city, on that day. */
  kind: ProvinceKind;
  /** Vietnamese name without the "Tỉnh"/"Thành phố" prefix, e.g. "Lào Cai". */
  name: Scalars['String']['output'];
  /** English name where a source gives one. */
  nameEn: Maybe<Scalars['String']['output']>;
  /** First day of the period in which this version of the province holds. */
  validFrom: Scalars['Date']['output'];
  /** Day on which a later version replaces this one; null while it is current. */
  validTo: Maybe<Scalars['Date']['output']>;
};


/** A province or centrally-run city of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time. */
export type ProvinceCommunesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<CommuneType>;
};

/** A page of provinces. */
export type ProvinceConnection = {
  edges: Array<ProvinceEdge>;
  /** The page's objects, without cursors: a shortcut for edges { node }. */
  nodes: Array<Province>;
  pageInfo: PageInfo;
  /** How many provinces match in all, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** A province and its cursor. */
export type ProvinceEdge = {
  cursor: Scalars['String']['output'];
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
  /** One commune-level unit by its code, as it stood on `asOf`; null for an unknown code. */
  commune: Maybe<Commune>;
  /** Commune-level units holding on `asOf`, optionally of one province and type, ordered by code or ranked by `search`. */
  communes: CommuneConnection;
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
};


/** The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on. */
export type QueryCommuneArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  code: Scalars['String']['input'];
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

/** One unit's change within a dated registry event, with the legal text that made it. The state before the change stays queryable with `asOf`. */
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

/** A Public Administration Service Center (Trung tâm Phục vụ hành chính công): the one-stop office where residents file administrative procedures. */
export type ServiceCenter = Node & {
  /** The commune-level unit the center serves. */
  commune: Commune;
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

/** Whether the unit has a center of its own or is served by a province-wide one. */
export type ServiceCenterScope =
  /** The unit's own commune-level center (Decree 118/2025/NĐ-CP, Art. 7(3)). */
  | 'COMMUNE'
  /** A single province-level center with branches serves the unit; the province set up no commune-level centers (Hà Nội, Quảng Ninh). */
  | 'PROVINCE';

/** Which level of unit a registry change concerns. */
export type UnitEntity =
  /** A commune-level unit. */
  | 'COMMUNE'
  /** A province or centrally-run city. */
  | 'PROVINCE';

export type CommuneQueryVariables = Exact<{
  code: Scalars['String']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type CommuneQuery = { commune: { id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null, province: { id: string, code: string, name: string, fullName: string, nameEn: string | null, kind: ProvinceKind, validFrom: string, validTo: string | null }, serviceCenter: { id: string, name: string, scope: ServiceCenterScope, legalBasis: string, sourceUrl: string, note: string | null } | null } | null };

export type CommunesQueryVariables = Exact<{
  provinceCode?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<CommuneType>;
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type CommunesQuery = { communes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null, province: { id: string, code: string, name: string }, serviceCenter: { id: string, name: string, scope: ServiceCenterScope, legalBasis: string, sourceUrl: string, note: string | null } | null }> } };

export type ProvinceFieldsFragment = { id: string, code: string, name: string, fullName: string, nameEn: string | null, kind: ProvinceKind, validFrom: string, validTo: string | null };

export type ServiceCenterFieldsFragment = { id: string, name: string, scope: ServiceCenterScope, legalBasis: string, sourceUrl: string, note: string | null };

export type CommuneFieldsFragment = { id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null };

export type PageInfoFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export type ProvinceQueryVariables = Exact<{
  code: Scalars['String']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
  communesFirst?: InputMaybe<Scalars['Int']['input']>;
  communesAfter?: InputMaybe<Scalars['String']['input']>;
}>;


export type ProvinceQuery = { province: { id: string, code: string, name: string, fullName: string, nameEn: string | null, kind: ProvinceKind, validFrom: string, validTo: string | null, communes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, code: string, name: string, fullName: string, nameEn: string | null, type: CommuneType, validFrom: string, validTo: string | null, serviceCenter: { id: string, name: string, scope: ServiceCenterScope, legalBasis: string, sourceUrl: string, note: string | null } | null }> } } | null };

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


export type RegistryChangesQuery = { registryChanges: Array<{ eventId: string, effectiveOn: string, issuedOn: string | null, legalBasis: string, title: string, url: string, description: string, entity: UnitEntity, code: string, field: string, from: string, to: string, newFullName: string, province: { id: string, code: string, name: string }, commune: { id: string, code: string, name: string } | null }> };

export const ProvinceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProvinceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Province"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]} as unknown as DocumentNode<ProvinceFieldsFragment, unknown>;
export const ServiceCenterFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]} as unknown as DocumentNode<ServiceCenterFieldsFragment, unknown>;
export const CommuneFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CommuneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Commune"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]} as unknown as DocumentNode<CommuneFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const CommuneDocument = {"__meta__":{"hash":"5bac33677ea50a9dc0731995ac1500f0ee15367018691f2531c61e6e3271d362"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Commune"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CommuneFields"}},{"kind":"Field","name":{"kind":"Name","value":"province"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProvinceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceCenterFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CommuneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Commune"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProvinceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Province"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]} as unknown as DocumentNode<CommuneQuery, CommuneQueryVariables>;
export const CommunesDocument = {"__meta__":{"hash":"4545b6c3000f9fddba816f531ee1b8d63820bdca696d2967e2c600afe745fc8a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Communes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CommuneType"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CommuneFields"}},{"kind":"Field","name":{"kind":"Name","value":"province"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceCenterFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CommuneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Commune"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]} as unknown as DocumentNode<CommunesQuery, CommunesQueryVariables>;
export const ProvinceDocument = {"__meta__":{"hash":"1f904f8143676511809190ebfc8b0030210e5c31322d209df630516712c2835b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Province"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"communesFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"200"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"communesAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"province"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProvinceFields"}},{"kind":"Field","name":{"kind":"Name","value":"communes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"communesFirst"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"communesAfter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CommuneFields"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceCenterFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProvinceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Province"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CommuneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Commune"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]} as unknown as DocumentNode<ProvinceQuery, ProvinceQueryVariables>;
export const ProvincesDocument = {"__meta__":{"hash":"8acddfbc7f611324dbdcc0f0e676648d350d3c076429d771720966fbc2367613"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Provinces"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provinces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProvinceFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProvinceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Province"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]} as unknown as DocumentNode<ProvincesQuery, ProvincesQueryVariables>;
export const RegistryChangesDocument = {"__meta__":{"hash":"49fe9a9b48c4ce822bb8e16c76e0fabf4455d567cf59acae5fcd91d0e586fd19"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistryChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registryChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"newFullName"}},{"kind":"Field","name":{"kind":"Name","value":"province"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commune"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RegistryChangesQuery, RegistryChangesQueryVariables>;