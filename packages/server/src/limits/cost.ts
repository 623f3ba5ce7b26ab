// The cost of an operation: how many objects its response can hold, from the page sizes asked for
// and the bounds list fields declare (limits/list-bound.ts).
//
// Written by hand because graphql-armor's cost limit (2.4) multiplies by `first`/`last` only when
// they are literals in the document: a page size passed in a variable, the default page size, a list
// argument's length (communesAt's points) and a list's declared bound all count as one, and it does
// not refuse a page over the maximum. This walk reads `first`/`last` with the request's variables and
// multiplies down the tree, so `first: 200` inside `first: 200` costs 40,000. The same walk applies
// the page-size rule (limits/page-size.ts) to every connection before the operation runs: Pothos
// would cut a larger page silently.
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
import { DEFAULT_LIST_BOUND, declaredListBound } from "./list-bound.js";
import { DEFAULT_PAGE_SIZE, pageSizeError } from "./page-size.js";

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Page-size errors by message (a fragment spread twice reports once). */
  pageSizeErrors: Map<string, GraphQLError>;
  /** Some field's price was read from its arguments, which may come from the request's variables. */
  readArguments: boolean;
}

function checkPageSize(walk: Walk, where: string, args: Record<string, unknown>): void {
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (typeof value !== "number") continue;
    const error = pageSizeError(name, value, where);
    if (error && !walk.pageSizeErrors.has(error.message)) walk.pageSizeErrors.set(error.message, error);
  }
}

/** Page size a connection field serves: `first`, else `last`, else the default. */
export function pageSizeOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | undefined {
  if (!field.args.some((arg) => arg.name === "first" || arg.name === "last")) return undefined;
  const size = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : DEFAULT_PAGE_SIZE;
  return Math.max(0, size);
}

/** Items a list field without pagination can return: its declared bound (limits/list-bound.ts), else DEFAULT_LIST_BOUND. */
function listBound(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const declared = declaredListBound(field.extensions);
  if (typeof declared === "function") return declared(args);
  return declared ?? DEFAULT_LIST_BOUND;
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
function pricedByArguments(field: GraphQLField<unknown, unknown>): boolean {
  return (
    field.args.some((arg) => arg.name === "first" || arg.name === "last") ||
    typeof declaredListBound(field.extensions) === "function" ||
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
        walk.readArguments = true;
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
    if (pricedByArguments(field)) {
      walk.readArguments = true;
      try {
        args = getArgumentValues(field, selection, walk.variables);
      } catch {
        // invalid values are reported by execution; price the field with defaults
      }
    }
    const connectionPage = pageSizeOf(field, args);
    if (connectionPage !== undefined) checkPageSize(walk, `${parent.name}.${field.name}`, args);
    // A connection's own lists (nodes, edges) hold one page; other lists their bound.
    const fanOut = isListType(getNullableType(field.type)) ? (pageSize ?? listBound(field, args)) : 1;
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

/**
 * Prices of operations whose price no argument sets (a point lookup, communeAt): the same on every
 * request that sends the document, whatever its variables, so walked once per parsed document (yoga's
 * parse cache hands out one document per query text; a document it drops takes its prices with it).
 */
const fixedPrices = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, OperationCost>>>();

/** Prices the operation and checks its page sizes, in one walk of its selections. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): OperationCost {
  let byDocument = fixedPrices.get(schema);
  if (!byDocument) fixedPrices.set(schema, (byDocument = new WeakMap()));
  const known = byDocument.get(document)?.get(operationName ?? "");
  if (known) return known;
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { cost: 0, pageSizeErrors: [] };
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const walk: Walk = { schema, fragments, variables: variables ?? {}, pageSizeErrors: new Map(), readArguments: false };
  const cost = selectionCost(walk, root, operation.selectionSet, 1, undefined);
  const priced: OperationCost = { cost, pageSizeErrors: [...walk.pageSizeErrors.values()] };
  if (!walk.readArguments) {
    let byOperation = byDocument.get(document);
    if (!byOperation) byDocument.set(document, (byOperation = new Map()));
    byOperation.set(operationName ?? "", Object.freeze(priced));
  }
  return priced;
}
