// @vngov/sdk: a typed client for the vngov GraphQL API of Vietnam's local government registry.
export {
  createClient,
  MAX_ADDRESSES,
  MAX_PAGE_SIZE,
  type AddressCandidateItem,
  type AddressConversionSummary,
  type ConvertAddressResult,
  type ClientOptions,
  type CommuneAtResult,
  type CompareResult,
  type ComparisonItem,
  type DepartmentItem,
  type FigureItem,
  type FiguresResult,
  type IndicatorsResult,
  type LegacyCommuneResult,
  type CommuneListItem,
  type CommuneResult,
  type CommunesResult,
  type FetchLike,
  type ProvinceListItem,
  type ProvinceResult,
  type ProvincesResult,
  type RegistryChangesResult,
  type RequestOptions,
  type ResultOf,
  type TypedDocumentNode,
  type VariablesArgs,
  type VariablesOf,
  type VngovClient,
} from "./client.js";
export { isVngovError, VngovError, type VngovErrorCode, type VngovErrorOptions } from "./errors.js";
export { paginate, type Page } from "./paginate.js";
// The generated operation documents, their result and variable types, and the schema's types.
export * from "./generated/graphql.js";
