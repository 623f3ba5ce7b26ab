// `npm run key -- create|revoke|list`: manages partners' API keys in the server's database.
import { parseArgs } from "node:util";
import { createApiKey, KeyError, listApiKeys, revokeApiKey, type Scope } from "../auth/keys.js";
import { loadConfig } from "../config.js";
import { needsOperator, openConfiguredDatabase } from "../db/open.js";

const USAGE = `usage:
  npm run key -- create --name <name> [--scope read] [--scope write] [--persisted-only]
  npm run key -- revoke --name <name>   (or --id <id>)
  npm run key -- list
Works on PostgreSQL when DATABASE_URL is set, else on the embedded database under DATA_DIR
(which must not be open in a running server at the same time).`;

export async function runKeyCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      id: { type: "string" },
      scope: { type: "string", multiple: true },
      "persisted-only": { type: "boolean", default: false },
    },
  });
  const command = positionals[0];
  if (!["create", "revoke", "list"].includes(command ?? "")) {
    out(USAGE);
    return 2;
  }
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config, { holder: "the key command", prepare: "migrate" });
  const { db } = opened;
  try {
    if (command === "create") {
      if (!values.name) throw new KeyError("create needs --name.");
      const scopes = (values.scope ?? ["read"]) as Scope[];
      const { key, apiKey } = await createApiKey(db.prisma, { name: values.name, scopes, persistedOnly: values["persisted-only"] });
      out(`Created key "${apiKey.name}" (id ${apiKey.id}, scopes ${apiKey.scopes.join(",")}${apiKey.persistedOnly ? ", persisted operations only" : ""}).`);
      out("The key is shown this once; only its hash is stored. Send it as `Authorization: Bearer <key>`:");
      out(key);
    } else if (command === "revoke") {
      const target = values.id ?? values.name;
      if (!target) throw new KeyError("revoke needs --name or --id.");
      const revoked = await revokeApiKey(db.prisma, target);
      out(`Revoked key "${revoked.name}" (id ${revoked.id}) at ${revoked.revokedAt!.toISOString()}.`);
    } else {
      const keys = await listApiKeys(db.prisma);
      if (keys.length === 0) out("No API keys.");
      for (const key of keys) {
        out(
          [
            key.id,
            key.name,
            `${key.prefix}…`,
            key.scopes.join(","),
            key.persistedOnly ? "persisted-only" : "any-operation",
            `created ${key.createdAt.toISOString()}`,
            key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active",
          ].join("\t"),
        );
      }
    }
    return 0;
  } finally {
    await opened.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = await runKeyCommand(process.argv.slice(2));
  } catch (error) {
    if (error instanceof KeyError || needsOperator(error)) {
      console.error(`key: ${error.message}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}
