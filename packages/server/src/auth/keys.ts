// API keys: creation, revocation, listing and lookup, with only each key's SHA-256 stored.
//
// Why SHA-256 and not bcrypt/argon2: those are slow on purpose, to protect low-entropy passwords
// from guessing. A key here is 32 random bytes (256 bits): no guessing attack exists to slow down,
// and a slow hash would add ~100 ms to every request. A leaked table still reveals no usable key.
import { createHash, randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import { announceChange } from "../db/changes.js";
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
    const created = await tx.apiKey.create({
      data: { name, hash: hashKey(key), prefix: key.slice(0, KEY_PREFIX.length + 4), scopes: [...new Set(scopes)], persistedOnly },
    });
    await announceChange(tx, "keys");
    return created;
  });
  forgetPrincipals(prisma);
  return { key, apiKey: summary(apiKey) };
}

/** Revokes the active key with this name or id; revoked keys are kept, for the record. */
export async function revokeApiKey(prisma: PrismaClient, nameOrId: string): Promise<ApiKeySummary> {
  const found = await prisma.apiKey.findFirst({
    where: { revokedAt: null, OR: [{ name: nameOrId }, { id: nameOrId }] },
  });
  if (!found) throw new KeyError(`no active key is named or has the id "${nameOrId}".`);
  const revoked = await prisma.$transaction(async (tx) => {
    const row = await tx.apiKey.update({ where: { id: found.id }, data: { revokedAt: new Date() } });
    await announceChange(tx, "keys");
    return row;
  });
  // Refused at once by servers on this client; other processes drop their lookups on the notice.
  forgetPrincipals(prisma);
  return summary(revoked);
}

export async function listApiKeys(prisma: PrismaClient): Promise<ApiKeySummary[]> {
  return (await prisma.apiKey.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }] })).map(summary);
}

/** Keys looked up lately, per Prisma client, by hash: a partner's requests cost no SQL statement for their key. */
const principalCaches = new WeakMap<PrismaClient, LRUCache<string, Principal | false>>();
/** Longest a looked-up key is trusted without asking the database again, should a notice be lost. */
export const PRINCIPAL_CACHE_TTL_MS = 60_000;

/**
 * Drops the keys looked up through this client: key writes here call it, and every server calls it
 * when it hears a key write elsewhere (the "keys" data-change notice, http/data-changes.ts).
 */
export function forgetPrincipals(prisma: PrismaClient): void {
  principalCaches.get(prisma)?.clear();
}

/**
 * The principal of a key as findPrincipal last found it, without waiting: undefined when it is not
 * remembered (then findPrincipal asks the database), null when the key is known to be unknown or revoked.
 */
export function knownPrincipal(prisma: PrismaClient, key: string): Principal | null | undefined {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const known = principalCaches.get(prisma)?.get(hashKey(key));
  return known === undefined ? undefined : known || null;
}

/** The principal of a key, or null when the key is unknown or revoked. */
export async function findPrincipal(prisma: PrismaClient, key: string): Promise<Principal | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const hash = hashKey(key);
  let cache = principalCaches.get(prisma);
  if (!cache) principalCaches.set(prisma, (cache = new LRUCache({ max: 10_000, ttl: PRINCIPAL_CACHE_TTL_MS })));
  const known = cache.get(hash);
  if (known !== undefined) return known || null;
  const found = await prisma.apiKey.findUnique({ where: { hash } });
  const principal: Principal | null =
    !found || found.revokedAt
      ? null
      : {
          kind: "key",
          id: found.id,
          name: found.name,
          scopes: found.scopes.filter((scope): scope is Scope => SCOPES.includes(scope as Scope)),
          persistedOnly: found.persistedOnly,
        };
  // Unknown keys are remembered too (bounded): a client retrying a bad key does not reach the database each time.
  cache.set(hash, principal ?? false);
  return principal;
}

export const ANONYMOUS: Omit<Principal, "id"> = { kind: "anonymous", name: "anonymous", scopes: ["read"], persistedOnly: false };

function summary(row: ApiKeySummary & { hash?: string }): ApiKeySummary {
  const { id, name, prefix, scopes, persistedOnly, createdAt, revokedAt } = row;
  return { id, name, prefix, scopes, persistedOnly, createdAt, revokedAt };
}
