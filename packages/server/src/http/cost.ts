// The cost of an operation: how many objects its response can hold, from the page sizes asked for.
//
// Written by hand because graphql-armor's cost limit (and graphql-query-complexity's defaults)
// price a field by its type and depth and ignore argument values: `first: 200` would cost what
// `first: 1` costs. This walk reads `first`/`last` with the request's variables and multiplies down
// the tree, so `first: 200` inside `first: 200` costs 40,000. The same walk rejects page sizes
// over the maximum: Pothos would cut them silently, and nested connections' resolvers never see
// their page arguments.
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLError,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../builder.js";
import { badUserInput } from "../errors.js";

/**
 * Longest list a list field without pagination can return, by "Type.field". A field may also
 * declare `extensions: { listBound: n }` in its Pothos options; lists known to neither count
 * DEFAULT_LIST_BOUND items.
 */
export const DEFAULT_LIST_BOUND = 100;

const argLength = (name: string, fallback: number) => (args: Record<string, unknown>) =>
  Array.isArray(args[name]) ? (args[name] as unknown[]).length : fallback;

// Measured maxima of the committed data (2026-11) are in brackets; bounds leave room to grow.
export const LIST_BOUNDS: Record<string, number | ((args: Record<string, unknown>) => number)> = {
  // 25 changes in the committed registry (3 events, 2025-07 to 2026-11); room for the next ones.
  "Query.registryChanges": 200,
  // Relay's `nodes(ids:)` returns one object per id asked for; so do the bulk fields.
  "Query.nodes": argLength("ids", DEFAULT_LIST_BOUND),
  "Query.convertAddresses": argLength("inputs", 1000),
  "Query.communesAt": argLength("points", 1000),
  "Query.compare": argLength("provinceCodes", 34),
  "Query.sources": 50, // [11]
  "Query.indicators": 200, // [70]
  "Query.legacyProvinces": 63,
  "Province.predecessors": 5, // [3]
  "Commune.predecessors": 20, // [14]
  "Commune.predecessorLinks": 20, // [14]
  "Commune.predecessorDistricts": 5, // [1]
  "Commune.neighbours": 20, // [12]
  "Commune.agencies": 10, // [5: People's Council, People's Committee, three offices]
  "Source.translations": 5, // [1]
  "Agency.children": 50, // [13]
  "Agency.sources": 10,
  "LegacyProvince.districts": 40, // [30]
  "LegacyDistrict.communes": 60, // [49]
  "LegacyDistrict.links": 5, // [1]
  "LegacyCommune.links": 10, // [5]
  "LegacyCommune.successors": 10, // [5]
  "LegacyCommune.altNames": 10,
  "LegacyCommune.sources": 10,
  "LineageLink.sources": 10,
  "DistrictLineageLink.sources": 10,
  // convertAddress returns at most MAX_CANDIDATES (10) candidates per address.
  "AddressConversion.candidates": 10,
  "AddressConversion.districtCandidates": 10,
};

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Page-size errors by message (a fragment spread twice reports once). */
  pageSizeErrors: Map<string, GraphQLError>;
}

function checkPageSize(walk: Walk, where: string, args: Record<string, unknown>): void {
  for (const name of ["first", "last"]) {
    const value = args[name];
    if (typeof value !== "number") continue;
    const error =
      value < 0
        ? badUserInput("pageSizeNegative", { name, value, where }, name)
        : value > MAX_PAGE_SIZE
          ? badUserInput("pageSizeTooLarge", { name, value, max: MAX_PAGE_SIZE, where }, name)
          : null;
    if (error && !walk.pageSizeErrors.has(error.message)) walk.pageSizeErrors.set(error.message, error);
  }
}

/** Page size a connection field serves: `first`, else `last`, else the default. */
export function pageSizeOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | undefined {
  if (!field.args.some((arg) => arg.name === "first" || arg.name === "last")) return undefined;
  const size = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : DEFAULT_PAGE_SIZE;
  return Math.max(0, size);
}

function listBound(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const declared = (field.extensions as { listBound?: unknown } | undefined)?.listBound;
  if (typeof declared === "number") return declared;
  const known = LIST_BOUNDS[`${parent.name}.${field.name}`];
  if (typeof known === "function") return known(args);
  return known ?? DEFAULT_LIST_BOUND;
}

/**
 * A leaf field priced by an argument's value, declared as `extensions: { costByArgument: { arg:
 * { VALUE: points } } }` (boundaries: a point per kilobyte of an average one at that detail).
 */
type CostByArgument = Record<string, Record<string, number>>;
const costByArgumentOf = (field: GraphQLField<unknown, unknown>) => (field.extensions as { costByArgument?: CostByArgument } | undefined)?.costByArgument;

function leafCost(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  let cost = 0;
  for (const [name, prices] of Object.entries(costByArgumentOf(field) ?? {})) cost += prices[String(args[name])] ?? Math.max(...Object.values(prices));
  return cost;
}

/** Whether a field's price depends on its arguments: a page size, a list bound computed from them, or a declared price. */
function pricedByArguments(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): boolean {
  return (
    field.args.some((arg) => arg.name === "first" || arg.name === "last") ||
    typeof LIST_BOUNDS[`${parent.name}.${field.name}`] === "function" ||
    costByArgumentOf(field) !== undefined
  );
}

function selectionCost(
  walk: Walk,
  parent: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  multiplier: number,
  pageSize: number | undefined,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
      if (!fragment) continue;
      const type = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : parent;
      // Fragments on different members of an abstract type are summed: an upper bound.
      if (type) cost += selectionCost(walk, type, fragment.selectionSet, multiplier, pageSize);
      continue;
    }
    // Introspection is bounded by the schema itself and costs nothing; __typename is a scalar.
    if (selection.name.value.startsWith("__")) continue;
    if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
    const field = parent.getFields()[selection.name.value];
    if (!field) continue;
    if (!selection.selectionSet) {
      if (costByArgumentOf(field)) {
        let args: Record<string, unknown> = {};
        try {
          args = getArgumentValues(field, selection, walk.variables);
        } catch {
          // invalid values are reported by execution; priced at the dearest value
        }
        cost += multiplier * leafCost(field, args);
      }
      continue;
    }
    const type = getNamedType(field.type);
    if (isLeafType(type)) continue;
    let args: Record<string, unknown> = {};
    // Coercing arguments costs more than the rest of the walk: only where they set the price.
    if (pricedByArguments(parent, field)) {
      try {
        args = getArgumentValues(field, selection, walk.variables);
      } catch {
        // invalid values are reported by execution; price the field with defaults
      }
    }
    const connectionPage = pageSizeOf(field, args);
    if (connectionPage !== undefined) checkPageSize(walk, `${parent.name}.${field.name}`, args);
    // A connection's own lists (nodes, edges) hold one page; other lists their bound.
    const fanOut = isListType(getNullableType(field.type)) ? (pageSize ?? listBound(parent, field, args)) : 1;
    const objects = multiplier * fanOut;
    cost += objects + selectionCost(walk, type, selection.selectionSet, objects, connectionPage);
  }
  return cost;
}

export interface OperationCost {
  /** Every object (not scalar) the response can contain, at most. */
  cost: number;
  /** BAD_USER_INPUT errors for `first`/`last` below 0 or over the maximum page size. */
  pageSizeErrors: GraphQLError[];
}

/** Prices the operation and checks its page sizes, in one walk of its selections. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): OperationCost {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { cost: 0, pageSizeErrors: [] };
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const walk: Walk = { schema, fragments, variables: variables ?? {}, pageSizeErrors: new Map() };
  const cost = selectionCost(walk, root, operation.selectionSet, 1, undefined);
  return { cost, pageSizeErrors: [...walk.pageSizeErrors.values()] };
}
