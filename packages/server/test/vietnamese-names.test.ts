// Name folding done one character at a time, and the cheap pre-check before name keys, agree with
// the rules they stand in for on every name of the data.
import { describe, expect, it } from "vitest";
import { readLegacyData } from "../src/data/legacy-files.js";
import { fold, foldSlowly, foldWords, hasDiacritics, mayName, typedKeys, PREFIXES, type NameLevel } from "../src/data/vietnamese-names.js";

const data = readLegacyData();
const names = [...data.provinces, ...data.districts, ...data.communes].flatMap((unit) => [unit.name, unit.fullName]);

describe("folding", () => {
  it("folds every name, decomposed, upper-cased and odd input as the reference rule does", () => {
    const texts = [
      ...names.flatMap((name) => [name, name.normalize("NFD"), name.toUpperCase(), `${name}, ${name}`]),
      "Đạ M’ri",
      "ǆungla",
      "İstanbul",
      "ß straße",
      "  x--y  ",
      "😀 Hà Nội 😀",
      "Phường\u00a01",
      "ﬁne Ⅻ ①",
      "a\u0301\u0323b",
    ];
    const differing = texts.filter((text) => fold(text) !== foldSlowly(text));
    expect(differing).toEqual([]);
  });

  it("tells text with diacritics from text without", () => {
    expect(names.filter((name) => hasDiacritics(name) !== (foldSlowly(name) !== name.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()))).toEqual([]);
    expect(hasDiacritics("xa nga thanh, huyen nga son")).toBe(false);
    expect(hasDiacritics("Nga Tha\u0323nh")).toBe(true);
    expect(hasDiacritics("Đa")).toBe(true);
    expect(hasDiacritics("Straße ©")).toBe(false);
  });
});

describe("mayName", () => {
  it("lets through every written form whose keys name a unit (never hides a name)", () => {
    const known = new Map<NameLevel, Set<string>>([
      ["commune", new Set()],
      ["district", new Set()],
      ["province", new Set()],
    ]);
    const level = (unit: object): NameLevel => ("districtCode" in unit ? "commune" : "provinceCode" in unit ? "district" : "province");
    for (const unit of [...data.provinces, ...data.districts, ...data.communes]) {
      const key = fold(unit.name);
      known.get(level(unit))!.add(key).add(key.replace(/ /g, ""));
    }
    const missed: string[] = [];
    for (const unit of [...data.provinces, ...data.districts, ...data.communes]) {
      const at = level(unit);
      const has = (key: string) => known.get(at)!.has(key);
      const written = [unit.fullName, unit.name, `${PREFIXES[at].at(-1)} ${unit.name}`, `${unit.name} ward`, fold(unit.fullName).toUpperCase()];
      for (const text of written) {
        const found = typedKeys(text, at).some((key) => has(key.folded) || has(key.compact));
        if (found && !mayName(foldWords(text.split(" ")), at, has)) missed.push(`${at}: ${text}`);
      }
    }
    for (const text of ["P01", "q.3", "Phường 01", "District 3"]) {
      const at: NameLevel = /^(q|district)/i.test(text) ? "district" : "commune";
      if (!mayName(foldWords(text.split(" ")), at, (key) => key === "1" || key === "3")) missed.push(text);
    }
    expect(missed).toEqual([]);
  });

  it("turns away runs that name nothing", () => {
    const has = (key: string) => key === "ba dinh";
    expect(mayName(foldWords("Số 12 đường Lê Lợi".split(" ")), "district", has)).toBe(false);
    expect(mayName(foldWords("Quận Ba Đình".split(" ")), "district", has)).toBe(true);
  });
});
