/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Commune($code: String!, $asOf: Date) {\n  commune(code: $code, asOf: $asOf) {\n    ...CommuneFields\n    province {\n      ...ProvinceFields\n    }\n    serviceCenter {\n      ...ServiceCenterFields\n    }\n  }\n}": typeof types.CommuneDocument,
    "query Communes($provinceCode: String, $type: CommuneType, $search: String, $first: Int, $after: String, $asOf: Date) {\n  communes(\n    provinceCode: $provinceCode\n    type: $type\n    search: $search\n    first: $first\n    after: $after\n    asOf: $asOf\n  ) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...CommuneFields\n      province {\n        id\n        code\n        name\n      }\n      serviceCenter {\n        ...ServiceCenterFields\n      }\n    }\n  }\n}": typeof types.CommunesDocument,
    "fragment ProvinceFields on Province {\n  id\n  code\n  name\n  fullName\n  nameEn\n  kind\n  validFrom\n  validTo\n}\n\nfragment ServiceCenterFields on ServiceCenter {\n  id\n  name\n  scope\n  legalBasis\n  sourceUrl\n  note\n}\n\nfragment CommuneFields on Commune {\n  id\n  code\n  name\n  fullName\n  nameEn\n  type\n  validFrom\n  validTo\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}": typeof types.ProvinceFieldsFragmentDoc,
    "query Province($code: String!, $asOf: Date, $communesFirst: Int = 200, $communesAfter: String) {\n  province(code: $code, asOf: $asOf) {\n    ...ProvinceFields\n    communes(first: $communesFirst, after: $communesAfter) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      nodes {\n        ...CommuneFields\n        serviceCenter {\n          ...ServiceCenterFields\n        }\n      }\n    }\n  }\n}": typeof types.ProvinceDocument,
    "query Provinces($first: Int, $after: String, $search: String, $asOf: Date) {\n  provinces(first: $first, after: $after, search: $search, asOf: $asOf) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...ProvinceFields\n    }\n  }\n}": typeof types.ProvincesDocument,
    "query RegistryChanges($from: Date, $to: Date, $provinceCode: String) {\n  registryChanges(from: $from, to: $to, provinceCode: $provinceCode) {\n    eventId\n    effectiveOn\n    issuedOn\n    legalBasis\n    title\n    url\n    description\n    entity\n    code\n    field\n    from\n    to\n    newFullName\n    province {\n      id\n      code\n      name\n    }\n    commune {\n      id\n      code\n      name\n    }\n  }\n}": typeof types.RegistryChangesDocument,
};
const documents: Documents = {
    "query Commune($code: String!, $asOf: Date) {\n  commune(code: $code, asOf: $asOf) {\n    ...CommuneFields\n    province {\n      ...ProvinceFields\n    }\n    serviceCenter {\n      ...ServiceCenterFields\n    }\n  }\n}": types.CommuneDocument,
    "query Communes($provinceCode: String, $type: CommuneType, $search: String, $first: Int, $after: String, $asOf: Date) {\n  communes(\n    provinceCode: $provinceCode\n    type: $type\n    search: $search\n    first: $first\n    after: $after\n    asOf: $asOf\n  ) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...CommuneFields\n      province {\n        id\n        code\n        name\n      }\n      serviceCenter {\n        ...ServiceCenterFields\n      }\n    }\n  }\n}": types.CommunesDocument,
    "fragment ProvinceFields on Province {\n  id\n  code\n  name\n  fullName\n  nameEn\n  kind\n  validFrom\n  validTo\n}\n\nfragment ServiceCenterFields on ServiceCenter {\n  id\n  name\n  scope\n  legalBasis\n  sourceUrl\n  note\n}\n\nfragment CommuneFields on Commune {\n  id\n  code\n  name\n  fullName\n  nameEn\n  type\n  validFrom\n  validTo\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}": types.ProvinceFieldsFragmentDoc,
    "query Province($code: String!, $asOf: Date, $communesFirst: Int = 200, $communesAfter: String) {\n  province(code: $code, asOf: $asOf) {\n    ...ProvinceFields\n    communes(first: $communesFirst, after: $communesAfter) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      nodes {\n        ...CommuneFields\n        serviceCenter {\n          ...ServiceCenterFields\n        }\n      }\n    }\n  }\n}": types.ProvinceDocument,
    "query Provinces($first: Int, $after: String, $search: String, $asOf: Date) {\n  provinces(first: $first, after: $after, search: $search, asOf: $asOf) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...ProvinceFields\n    }\n  }\n}": types.ProvincesDocument,
    "query RegistryChanges($from: Date, $to: Date, $provinceCode: String) {\n  registryChanges(from: $from, to: $to, provinceCode: $provinceCode) {\n    eventId\n    effectiveOn\n    issuedOn\n    legalBasis\n    title\n    url\n    description\n    entity\n    code\n    field\n    from\n    to\n    newFullName\n    province {\n      id\n      code\n      name\n    }\n    commune {\n      id\n      code\n      name\n    }\n  }\n}": types.RegistryChangesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Commune($code: String!, $asOf: Date) {\n  commune(code: $code, asOf: $asOf) {\n    ...CommuneFields\n    province {\n      ...ProvinceFields\n    }\n    serviceCenter {\n      ...ServiceCenterFields\n    }\n  }\n}"): (typeof documents)["query Commune($code: String!, $asOf: Date) {\n  commune(code: $code, asOf: $asOf) {\n    ...CommuneFields\n    province {\n      ...ProvinceFields\n    }\n    serviceCenter {\n      ...ServiceCenterFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Communes($provinceCode: String, $type: CommuneType, $search: String, $first: Int, $after: String, $asOf: Date) {\n  communes(\n    provinceCode: $provinceCode\n    type: $type\n    search: $search\n    first: $first\n    after: $after\n    asOf: $asOf\n  ) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...CommuneFields\n      province {\n        id\n        code\n        name\n      }\n      serviceCenter {\n        ...ServiceCenterFields\n      }\n    }\n  }\n}"): (typeof documents)["query Communes($provinceCode: String, $type: CommuneType, $search: String, $first: Int, $after: String, $asOf: Date) {\n  communes(\n    provinceCode: $provinceCode\n    type: $type\n    search: $search\n    first: $first\n    after: $after\n    asOf: $asOf\n  ) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...CommuneFields\n      province {\n        id\n        code\n        name\n      }\n      serviceCenter {\n        ...ServiceCenterFields\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProvinceFields on Province {\n  id\n  code\n  name\n  fullName\n  nameEn\n  kind\n  validFrom\n  validTo\n}\n\nfragment ServiceCenterFields on ServiceCenter {\n  id\n  name\n  scope\n  legalBasis\n  sourceUrl\n  note\n}\n\nfragment CommuneFields on Commune {\n  id\n  code\n  name\n  fullName\n  nameEn\n  type\n  validFrom\n  validTo\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}"): (typeof documents)["fragment ProvinceFields on Province {\n  id\n  code\n  name\n  fullName\n  nameEn\n  kind\n  validFrom\n  validTo\n}\n\nfragment ServiceCenterFields on ServiceCenter {\n  id\n  name\n  scope\n  legalBasis\n  sourceUrl\n  note\n}\n\nfragment CommuneFields on Commune {\n  id\n  code\n  name\n  fullName\n  nameEn\n  type\n  validFrom\n  validTo\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Province($code: String!, $asOf: Date, $communesFirst: Int = 200, $communesAfter: String) {\n  province(code: $code, asOf: $asOf) {\n    ...ProvinceFields\n    communes(first: $communesFirst, after: $communesAfter) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      nodes {\n        ...CommuneFields\n        serviceCenter {\n          ...ServiceCenterFields\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Province($code: String!, $asOf: Date, $communesFirst: Int = 200, $communesAfter: String) {\n  province(code: $code, asOf: $asOf) {\n    ...ProvinceFields\n    communes(first: $communesFirst, after: $communesAfter) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      nodes {\n        ...CommuneFields\n        serviceCenter {\n          ...ServiceCenterFields\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Provinces($first: Int, $after: String, $search: String, $asOf: Date) {\n  provinces(first: $first, after: $after, search: $search, asOf: $asOf) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...ProvinceFields\n    }\n  }\n}"): (typeof documents)["query Provinces($first: Int, $after: String, $search: String, $asOf: Date) {\n  provinces(first: $first, after: $after, search: $search, asOf: $asOf) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...ProvinceFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegistryChanges($from: Date, $to: Date, $provinceCode: String) {\n  registryChanges(from: $from, to: $to, provinceCode: $provinceCode) {\n    eventId\n    effectiveOn\n    issuedOn\n    legalBasis\n    title\n    url\n    description\n    entity\n    code\n    field\n    from\n    to\n    newFullName\n    province {\n      id\n      code\n      name\n    }\n    commune {\n      id\n      code\n      name\n    }\n  }\n}"): (typeof documents)["query RegistryChanges($from: Date, $to: Date, $provinceCode: String) {\n  registryChanges(from: $from, to: $to, provinceCode: $provinceCode) {\n    eventId\n    effectiveOn\n    issuedOn\n    legalBasis\n    title\n    url\n    description\n    entity\n    code\n    field\n    from\n    to\n    newFullName\n    province {\n      id\n      code\n      name\n    }\n    commune {\n      id\n      code\n      name\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;