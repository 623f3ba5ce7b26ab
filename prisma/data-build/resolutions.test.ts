// The clause matcher and the lineage it decided, on the committed data (prisma/data/lineage.json).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseItems } from "./resolutions.ts";

interface Link { fromCode: string; toCode: string; kind: string; population: string | null; sources: string[] }
const lineage = JSON.parse(readFileSync(new URL("../data/lineage.json", import.meta.url), "utf8")) as Link[];
const successors = (code: string) => lineage.filter((l) => l.fromCode === code).map((l) => l.toCode).sort();

describe("clause items", () => {
  it("splits a list at commas and 'và', each item under the type word that governs it", () => {
    // 1686/NQ-UBTVQH15 Art. 1(53): Xã Trường Xuân is not in this list (commas once became spaces)
    const items = parseItems("Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của thị trấn Thọ Xuân và các xã Xuân Hồng, Xuân Trường, Xuân Giang");
    expect(items.map((i) => [i.type, i.name])).toEqual([
      ["TOWNSHIP", "Thọ Xuân"],
      ["COMMUNE", "Xuân Hồng"],
      ["COMMUNE", "Xuân Trường"],
      ["COMMUNE", "Xuân Giang"],
    ]);
  });

  it("keeps the bracketed district with its item and reads each share", () => {
    // 1669/NQ-UBTVQH15 Art. 1(86)
    const items = parseItems(
      "Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Tân Việt (huyện Bình Giang), Long Xuyên, Hồng Khê, Cổ Bì và phần còn lại của xã Vĩnh Hồng sau khi sắp xếp theo quy định tại khoản 85 Điều này",
    );
    expect(items).toEqual([
      { type: "COMMUNE", name: "Tân Việt", district: "Bình Giang", share: "WHOLE" },
      { type: "COMMUNE", name: "Long Xuyên", district: null, share: "WHOLE" },
      { type: "COMMUNE", name: "Hồng Khê", district: null, share: "WHOLE" },
      { type: "COMMUNE", name: "Cổ Bì", district: null, share: "WHOLE" },
      { type: "COMMUNE", name: "Vĩnh Hồng", district: null, share: "REMAINDER" },
    ]);
    const part = parseItems("Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của phường A và một phần diện tích tự nhiên của xã B");
    expect(part.map((i) => i.share)).toEqual(["WHOLE", "PART_AREA"]);
  });
});

describe("lineage decided from three sources and the text", () => {
  it.each([
    // old commune, its only successor; the wrong extra link came from a same-named unit of another type or district
    ["10963", "10966"], // Xã Long Xuyên (huyện Bình Giang) → Xã Bình Giang, not Phường Kinh Môn (ward Long Xuyên of Kinh Môn)
    ["20669", "20669"], // Xã Phước Ninh (huyện Quế Sơn), not Phường Hải Châu (ward Phước Ninh of Hải Châu)
    ["15598", "15592"], // Xã Trường Xuân, not Xã Thọ Xuân ("Xuân Hồng, Xuân Trường, Xuân Giang")
    ["13768", "13753"], // Xã Quang Trung: 1674/NQ-UBTVQH15 Art. 1(24)
    ["23710", "23710"], // Xã A Dơk ("Adơk" in 1664/NQ-UBTVQH15 Art. 1(88)), not Xã Ia Dơk
  ])("%s goes to %s only", (from, to) => {
    expect(successors(from)).toEqual([to]);
    expect(lineage.find((l) => l.fromCode === from)?.kind).not.toBe("PARTIAL");
  });

  it("keeps the split the conversion table omits when the resolution names it (23053 Hòa Thắng → Hồng Thái)", () => {
    expect(successors("23053")).toEqual(["23041", "23053"]);
  });

  it("re-keys conversion-table rows that carry a neighbour's code (Mỹ Hưng 01651, not 01615)", () => {
    expect(lineage.find((l) => l.fromCode === "01651")?.sources).toContain("qd-19-2025-bang-chuyen-doi");
    expect(successors("01615")).toEqual(["01636"]);
  });

  it("marks the successor that took the whole population of a split commune", () => {
    const splits = new Map<string, Link[]>();
    for (const l of lineage) if (l.kind === "PARTIAL") splits.set(l.fromCode, [...(splits.get(l.fromCode) ?? []), l]);
    const settled = [...splits.values()].filter((ls) => ls.some((l) => l.population === "ALL"));
    expect(settled.length).toBeGreaterThanOrEqual(50);
    for (const ls of settled) expect(ls.filter((l) => l.population === "ALL")).toHaveLength(1);
  });
});
