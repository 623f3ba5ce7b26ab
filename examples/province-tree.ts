// Prints one province's commune-level units as a tree, each with the service center serving it,
// then the province's departments (sở) and equivalent bodies.
// Usage: npx tsx --conditions=vngov:source examples/province-tree.ts [provinceCode, default 15]
import { createClient, VngovError } from "@vngov/sdk";

const url = process.env.VNGOV_URL ?? "http://localhost:4000/graphql";
const code = process.argv[2] ?? "15";
const client = createClient({ url, apiKey: process.env.VNGOV_API_KEY });

try {
  const province = await client.province({ code });
  if (!province) {
    console.error(`No province has the code ${code} today.`);
    process.exit(1);
  }
  const { nodes, totalCount } = province.communes;
  console.log(`${province.fullName} [${province.code}]: ${totalCount} commune-level units`);
  nodes.forEach((commune, index) => {
    const last = index === nodes.length - 1;
    console.log(`${last ? "└─" : "├─"} ${commune.fullName} [${commune.code}, ${commune.type}]`);
    const center = commune.serviceCenter;
    console.log(`${last ? "   " : "│  "}└─ ${center ? `${center.name} (${center.scope === "PROVINCE" ? "province-wide" : "own"})` : "no service center recorded"}`);
  });
  if (province.communes.pageInfo.hasNextPage) console.log(`… and more: fetch them with communesAfter: "${province.communes.pageInfo.endCursor}"`);
  const departments = province.departments.nodes;
  if (departments.length === 0) {
    console.log(`${province.fullName}: no departments recorded yet`);
  } else {
    console.log(`${province.fullName}: ${province.departments.totalCount} departments and equivalent bodies`);
    departments.forEach((department, index) => {
      const english = department.nameEn ? ` (${department.nameEn})` : "";
      console.log(`${index === departments.length - 1 ? "└─" : "├─"} ${department.name}${english} [${department.kind}]`);
    });
  }
} catch (error) {
  if (error instanceof VngovError) {
    console.error(`vngov answered ${error.code}${error.status ? ` (HTTP ${error.status})` : ""}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
