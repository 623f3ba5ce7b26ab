// Walks every commune-level unit of the country page by page and prints how many there are of each type.
// Usage: npx tsx --conditions=vngov:source examples/all-communes.ts [asOf YYYY-MM-DD, default today]
import { createClient, VngovError, type CommuneType } from "@vngov/sdk";

const url = process.env.VNGOV_URL ?? "http://localhost:4000/graphql";
const asOf = process.argv[2];
const client = createClient({ url, apiKey: process.env.VNGOV_API_KEY });

const perType: Record<CommuneType, number> = { COMMUNE: 0, WARD: 0, SPECIAL_ZONE: 0 };
const provinces = new Set<string>();
try {
  for await (const commune of client.paginateCommunes({ asOf })) {
    perType[commune.type] += 1;
    provinces.add(commune.province.code);
  }
} catch (error) {
  if (error instanceof VngovError) {
    console.error(`vngov answered ${error.code}${error.status ? ` (HTTP ${error.status})` : ""}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const total = perType.COMMUNE + perType.WARD + perType.SPECIAL_ZONE;
console.log(`Commune-level units ${asOf ? `on ${asOf}` : "today"}, in ${provinces.size} provinces:`);
const rows: Array<[string, number]> = [
  ["communes (xã)", perType.COMMUNE],
  ["wards (phường)", perType.WARD],
  ["special zones (đặc khu)", perType.SPECIAL_ZONE],
  ["total", total],
];
for (const [label, count] of rows) console.log(`  ${label.padEnd(24)}${String(count).padStart(5)}`);
