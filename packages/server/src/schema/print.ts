// The schema as SDL, sorted so that reordering code does not show up as a schema change.
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./index.js";

/** The SDL committed as the top-level `schema.graphql` (`npm run schema:print`). */
export function printSchemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
