// graphql-codegen: the SDK's types and typed documents, generated from schema.graphql and the
// SDK's operations into packages/sdk/src/generated/ (committed; `npm run codegen` rewrites it).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["packages/sdk/src/operations/*.graphql"],
  ignoreNoDocuments: false,
  // ESM imports with .js extensions, as the SDK's own sources use.
  emitLegacyCommonJSImports: false,
  generates: {
    "packages/sdk/src/generated/": {
      preset: "client",
      presetConfig: {
        // The SDK hands plain results to its users; masked fragments would need unmasking helpers.
        fragmentMasking: false,
        // persisted-documents.json: hash → operation, for the endpoint's trusted operations.
        persistedDocuments: { hashAlgorithm: "sha256" },
      },
      config: {
        useTypeImports: true,
        // Documents as their text (a String with the persisted hash), not as ASTs: the SDK sends them
        // without graphql's printer, which halves a one-method browser bundle (scripts/sdk-bundle-size.mjs).
        documentMode: "string",
        // String unions rather than TypeScript enums: no runtime objects, plain strings on the wire.
        enumsAsTypes: true,
        // The Date scalar travels as "YYYY-MM-DD"; an unknown scalar fails generation.
        strictScalars: true,
        // GeoJSON geometries are RFC 7946 objects; the SDK types them structurally.
        // DateTime: an ISO 8601 instant, e.g. "2026-11-23T08:15:00.000Z".
        scalars: { Date: "string", DateTime: "string", GeoJSON: "{ type: string; coordinates: unknown }" },
        skipTypename: true,
        // Nullable result fields are `T | null`, always present; variables stay optional.
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
