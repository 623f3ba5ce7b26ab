// Inserts the seeds' many rows in a few statements per table, the rows travelling as JSON parameters.
import type { Prisma } from "../generated/prisma/client.js";

/**
 * Inserts rows in few statements: the rows travel as JSON parameters and PostgreSQL types them through the table's
 * own row type (jsonb_populate_recordset). Prisma's createMany binds every value as its own parameter and compiles a
 * statement around them, which took about 1 ms a row on PGlite (the ~6,000 derived figure rows: 5.7 s in one statement
 * against about 4x that with createMany; the registry's ~11,000 rows: most of a seed's CPU time was Prisma's query
 * compiler). Columns no row gives keep their defaults.
 * The rows go in statements of at most about 1 MB of JSON each, in their order: every byte of a raw query's parameters
 * passes through Prisma's query compiler, whose WebAssembly memory is one per process and never shrinks, and through
 * PGlite's, which the server keeps open; the figures' 9 MB of agencies in one statement left both grown by about
 * 60 MB each for the life of a first start. Foreign keys are checked at the end of each statement, so a row that
 * points to another row of the same table (an agency's parent) must come after it: the callers sort them so.
 * A value of a `shared` column that is a key of `texts` is replaced by its text, which travels once per statement
 * that uses it.
 */
export async function bulkInsert(
  tx: Prisma.TransactionClient,
  table: Prisma.ModelName,
  rows: readonly object[],
  shared: { columns: string[]; texts: Record<string, string> } = { columns: [], texts: {} },
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.entries(row).filter(([, v]) => v !== undefined).map(([k]) => k)))];
  const list = columns.map((c) => `"${c}"`).join(", ");
  const values = columns.map((c) => (shared.columns.includes(c) ? `COALESCE($2::jsonb ->> "${c}", "${c}")` : `"${c}"`)).join(", ");
  const statement = `INSERT INTO "${table}" (${list}) SELECT ${values} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`;
  for (const chunk of chunksOf(rows, shared)) {
    await tx.$executeRawUnsafe(statement, `[${chunk.rows.join(",")}]`, ...(shared.columns.length ? [JSON.stringify(chunk.texts)] : []));
  }
}

/** About this many bytes of JSON (rows and the texts they use) per statement. */
export const BULK_INSERT_CHUNK_BYTES = 1_000_000;

function* chunksOf(
  rows: readonly object[],
  shared: { columns: string[]; texts: Record<string, string> },
): Generator<{ rows: string[]; texts: Record<string, string> }> {
  let chunk: { rows: string[]; texts: Record<string, string> } = { rows: [], texts: {} };
  let bytes = 0;
  /** The shared texts `row` uses that `chunk` does not carry yet, and their size. */
  const textsFor = (row: object) => {
    const texts: Record<string, string> = {};
    let size = 0;
    for (const column of shared.columns) {
      const key = (row as Record<string, unknown>)[column];
      if (typeof key === "string" && Object.hasOwn(shared.texts, key) && !Object.hasOwn(chunk.texts, key) && !Object.hasOwn(texts, key)) {
        texts[key] = shared.texts[key]!;
        size += key.length + texts[key].length;
      }
    }
    return { texts, size };
  };
  for (const row of rows) {
    const json = JSON.stringify(row);
    let uses = textsFor(row);
    if (chunk.rows.length > 0 && bytes + json.length + uses.size > BULK_INSERT_CHUNK_BYTES) {
      yield chunk;
      chunk = { rows: [], texts: {} };
      bytes = 0;
      uses = textsFor(row);
    }
    chunk.rows.push(json);
    Object.assign(chunk.texts, uses.texts);
    bytes += json.length + uses.size;
  }
  if (chunk.rows.length > 0) yield chunk;
}
