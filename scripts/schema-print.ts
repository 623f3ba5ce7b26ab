// Writes the server's schema to the top-level schema.graphql, the artefact the SDK is generated from.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printSchemaSdl } from "../packages/server/src/schema/print.js";

const target = fileURLToPath(new URL("../schema.graphql", import.meta.url));
writeFileSync(target, printSchemaSdl());
console.log(`wrote ${target}`);
