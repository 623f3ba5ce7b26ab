// Point lookup benchmark: loads the boundary index, then prints lookups per second and the RSS it added.
// Run: npx tsx bench/geo-lookup.ts   (no assertions: numbers for the README and for comparisons)
import { allCommuneFacts, communeCodeAt, pointIndex } from "../packages/server/src/geo/store.ts";

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;

/** RSS after GC and a pause (freed buffers leave the process shortly after GC), as the benchmark measures it. */
const settledRss = async () => {
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  gc?.();
  return process.memoryUsage().rss;
};

const facts = allCommuneFacts(); // small (units.json); read before the baseline so only the index is measured
const before = await settledRss();
let started = performance.now();
pointIndex();
const loadMs = performance.now() - started;
const after = await settledRss();
console.log(`index load: ${loadMs.toFixed(0)} ms, RSS +${mb(after - before)}${gc ? "" : " (run with node --expose-gc for a steadier figure)"}`);

function run(name: string, points: [number, number][], rounds: number) {
  let found = 0;
  started = performance.now();
  for (let r = 0; r < rounds; r++) for (const [latitude, longitude] of points) if (communeCodeAt(latitude, longitude) !== null) found++;
  const seconds = (performance.now() - started) / 1000;
  const lookups = points.length * rounds;
  console.log(`${name}: ${Math.round(lookups / seconds).toLocaleString("en")} lookups/s, ${((seconds / lookups) * 1e6).toFixed(1)} µs each, ${((found / lookups) * 100).toFixed(0)} % inside a unit`);
}

// Points inside every unit (their centers), and uniform random points over Vietnam's mainland bounding box.
run("unit centers", facts.map((c) => [c.center[1], c.center[0]]), 5);
let seed = 1;
const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
run("random points", Array.from({ length: 100_000 }, () => [8.4 + random() * 15, 102.1 + random() * 7.5] as [number, number]), 1);
console.log(`RSS now ${mb(process.memoryUsage().rss)}`);
