// Rejects oversized pages before execution, for every connection field at any depth.
//
// Pothos clamps `first` to its maximum silently; partners asked for a clear error instead, and
// nested connections' resolvers never see their page arguments, so the check walks the operation
// once with its variables. No library checks argument values against a bound like this.
import {
  getArgumentValues,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { MAX_PAGE_SIZE } from "../builder.js";
import { badUserInput } from "../errors.js";

export function pageSizeErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError[] {
  const typeInfo = new TypeInfo(schema);
  const errors: GraphQLError[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD](node) {
        const field = typeInfo.getFieldDef();
        if (!field || !field.args.some((arg) => arg.name === "first" || arg.name === "last")) return;
        let values: Record<string, unknown>;
        try {
          values = getArgumentValues(field, node, variables ?? {});
        } catch {
          return; // invalid values are reported by execution with graphql's own message
        }
        for (const name of ["first", "last"]) {
          const value = values[name];
          if (typeof value !== "number") continue;
          const where = `${typeInfo.getParentType()?.name ?? "Query"}.${field.name}`;
          if (value < 0) errors.push(badUserInput(`${name} on ${where} must be 0 or more, got ${value}.`, name));
          if (value > MAX_PAGE_SIZE) {
            errors.push(
              badUserInput(
                `${name} on ${where} is ${value}, more than the maximum page size of ${MAX_PAGE_SIZE}. Ask for at most ${MAX_PAGE_SIZE} and follow pageInfo.endCursor with \`after\`.`,
                name,
              ),
            );
          }
        }
      },
    }),
  );
  return errors;
}

export function pageSizePlugin(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = pageSizeErrors(args.schema, args.document, args.variableValues as Record<string, unknown>);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
