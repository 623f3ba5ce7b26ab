// API keys: creation, revocation, listing and lookup, with only each key's SHA-256 stored.
//
// Why SHA-256 and not bcrypt/argon2: those are slow on purpose, to protect low-entropy passwords
// from guessing. A key here is 32 random bytes (256 bits): no guessing attack exists to slow down,
// and a slow hash would add ~100 ms to every request. A leaked table still reveals no usable key.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.js";

export const SCOPES = ["read", "write"] as const;
export type Scope = (typeof SCOPES)[number];

const KEY_PREFIX = "vngov_";

/** The caller behind a request: an API key, or anonymous. */
export interface Principal {
  kind: "key" | "anonymous";
  /** The key's id ("anonymous" for anonymous callers): what rate limits are counted by. */
  id: string;
  /** The key's name, for logs; never the key itself. */
  name: string;
  scopes: Scope[];
  persistedOnly: boolean;
}

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  persistedOnly: boolean;
  createdAt: Date;
  revokedAt: Date | null;
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export class KeyError extends Error {
  override name = "KeyError";
}

/** Creates a key and returns it: the only time the key itself exists outside the caller's hands. */
export async function createApiKey(
  prisma: PrismaClient,
  { name, scopes, persistedOnly = false }: { name: string; scopes: Scope[]; persistedOnly?: boolean },
): Promise<{ key: string; apiKey: ApiKeySummary }> {
  if (!/^[\w.-]{1,64}$/.test(name)) {
    throw new KeyError(`name "${name}" must be 1–64 letters, digits, ".", "-" or "_".`);
  }
  const unknown = scopes.filter((scope) => !SCOPES.includes(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    throw new KeyError(`scopes must be among ${SCOPES.join(", ")}; got ${scopes.join(", ") || "none"}.`);
  }
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  const apiKey = await prisma.$transaction(async (tx) => {
    const active = await tx.apiKey.findFirst({ where: { name, revokedAt: null } });
    if (active) throw new KeyError(`an active key is already named "${name}" (id ${active.id}); revoke it first or pick another name.`);
    return tx.apiKey.create({
      data: { name, hash: hashKey(key), prefix: key.slice(0, KEY_PREFIX.length + 4), scopes: [...new Set(scopes)], persistedOnly },
    });
  });
  return { key, apiKey: summary(apiKey) };
}

/** Revokes the active key with this name or id; revoked keys are kept, for the record. */
export async function revokeApiKey(prisma: PrismaClient, nameOrId: string): Promise<ApiKeySummary> {
  const found = await prisma.apiKey.findFirst({
    where: { revokedAt: null, OR: [{ name: nameOrId }, { id: nameOrId }] },
  });
  if (!found) throw new KeyError(`no active key is named or has the id "${nameOrId}".`);
  return summary(await prisma.apiKey.update({ where: { id: found.id }, data: { revokedAt: new Date() } }));
}

export async function listApiKeys(prisma: PrismaClient): Promise<ApiKeySummary[]> {
  return (await prisma.apiKey.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }] })).map(summary);
}

/** The principal of a key, or null when the key is unknown or revoked. */
export async function findPrincipal(prisma: PrismaClient, key: string): Promise<Principal | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const found = await prisma.apiKey.findUnique({ where: { hash: hashKey(key) } });
  if (!found || found.revokedAt) return null;
  return {
    kind: "key",
    id: found.id,
    name: found.name,
    scopes: found.scopes.filter((scope): scope is Scope => SCOPES.includes(scope as Scope)),
    persistedOnly: found.persistedOnly,
  };
}

export const ANONYMOUS: Omit<Principal, "id"> = { kind: "anonymous", name: "anonymous", scopes: ["read"], persistedOnly: false };

function summary(row: ApiKeySummary & { hash?: string }): ApiKeySummary {
  const { id, name, prefix, scopes, persistedOnly, createdAt, revokedAt } = row;
  return { id, name, prefix, scopes, persistedOnly, createdAt, revokedAt };
}
