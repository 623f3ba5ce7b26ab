// The embedded database's lock: held against live processes, taken over at once from dead ones
// (no waiting for it to go stale after a kill -9), and from a reused pid.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { EmbeddedDatabaseBusy, lockEmbeddedDatabase } from "../src/db/embedded-lock.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-lock-test-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function leaveLock(dir: string, owner: Record<string, unknown>) {
  fs.mkdirSync(`${dir}.lock`, { recursive: true });
  fs.writeFileSync(path.join(`${dir}.lock`, "owner.json"), JSON.stringify(owner));
}

it("takes over at once a lock whose owner died (kill -9 leaves it behind)", async () => {
  const dir = path.join(root, "dead", "pglite");
  // A process that has exited: its pid is free.
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  leaveLock(dir, { pid: Number(child.stdout), started: null, host: os.hostname() });
  const started = performance.now();
  const release = await lockEmbeddedDatabase(dir, "the test");
  expect(performance.now() - started).toBeLessThan(1_000);
  expect(JSON.parse(fs.readFileSync(path.join(`${dir}.lock`, "owner.json"), "utf8")).pid).toBe(process.pid);
  await release();
  expect(fs.existsSync(`${dir}.lock`)).toBe(false);
});

it("takes over a lock whose pid now belongs to another process (pid reuse, as pid 1 in containers)", async () => {
  const dir = path.join(root, "reused", "pglite");
  leaveLock(dir, { pid: process.pid, started: "1", host: os.hostname() });
  const release = await lockEmbeddedDatabase(dir, "the test");
  await release();
});

it("refuses while the owner lives, and a lock directory without its owner file only after a grace", async () => {
  const dir = path.join(root, "live", "pglite");
  const release = await lockEmbeddedDatabase(dir, "the server");
  await expect(lockEmbeddedDatabase(dir, "the key command")).rejects.toThrow(EmbeddedDatabaseBusy);
  await expect(lockEmbeddedDatabase(dir, "the key command")).rejects.toThrow(new RegExp(`in use by process ${process.pid}`));
  await release();
  // An owner file not written yet (its taker is between mkdir and write): the lock is left alone.
  fs.mkdirSync(`${dir}.lock`);
  const waiting = lockEmbeddedDatabase(dir, "the test");
  await new Promise((resolve) => setTimeout(resolve, 200));
  leaveLock(dir, { pid: process.pid, started: JSON.parse("null"), host: os.hostname() });
  await expect(waiting).rejects.toThrow(EmbeddedDatabaseBusy);
});
