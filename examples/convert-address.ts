// Converts real old addresses (before 2025-07-01) to the new two-level units: a batch with
// convertAddresses, then one free-form line with convertAddress, printing candidates and scores.
// The old units come from the committed registry of old communes (prisma/data/legacy-communes.json).
// Usage: npx tsx --conditions=vngov:source examples/convert-address.ts [oldCommuneCode…]
import { createClient, VngovError, type AddressConversionSummary } from "@vngov/sdk";
import legacyCommunes from "../prisma/data/legacy-communes.json" with { type: "json" };
import legacyDistricts from "../prisma/data/legacy-districts.json" with { type: "json" };
import legacyProvinces from "../prisma/data/legacy-provinces.json" with { type: "json" };

const url = process.env.VNGOV_URL ?? "http://localhost:4000/graphql";
const client = createClient({ url, apiKey: process.env.VNGOV_API_KEY });

// Trúc Bạch (merged whole), Cống Vị (split between two wards), Phường 1 of old Quận 3, Minh Quân
// (a neighbour is Minh Quán), Hòa Xuân of Đà Nẵng, and one of four Xã Thạnh Lộc of the Mekong delta.
const DEFAULT_CODES = ["00004", "00007", "27160", "04567", "20314", "30913"];
const codes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_CODES;

const districts = new Map(legacyDistricts.map((district) => [district.code, district.fullName]));
const provinces = new Map(legacyProvinces.map((province) => [province.code, province.fullName]));
const addresses = codes.map((code) => {
  const commune = legacyCommunes.find((candidate) => candidate.code === code);
  if (!commune) throw new Error(`No old commune has the code ${code} (see prisma/data/legacy-communes.json).`);
  return { commune: commune.fullName, district: districts.get(commune.districtCode), province: provinces.get(commune.provinceCode) };
});

// Both methods give candidates with these fields (convertAddress adds a few).
function describe(candidate: AddressConversionSummary["candidates"][number]): string {
  // PARTIAL: the old unit was split, and only part of it went to this new unit.
  return `${candidate.score.toFixed(2)}  ${candidate.newAddress}  [${candidate.commune.code}, ${candidate.kind.toLowerCase()}]`;
}

try {
  const conversions = await client.convertAddresses(addresses);
  conversions.forEach((conversion, index) => {
    const { commune, district, province } = addresses[index]!;
    console.log(`${commune}, ${district}, ${province}`);
    const verdict = conversion.unambiguous ? "unambiguous" : conversion.candidates.length === 0 ? "no match" : "several candidates";
    console.log(`  ${conversion.candidates.length} candidate(s), ${verdict}:`);
    for (const candidate of conversion.candidates) console.log(`  → ${describe(candidate)}`);
  });

  // One line as people write it: abbreviations, a street part, no diacritics in the district.
  const line = "Số 12 ngõ 5 Trúc Bạch, P. Trúc Bạch, Q. Ba Dinh, Hà Nội";
  const single = await client.convertAddress({ line });
  const { parsed } = single;
  console.log(`${line}`);
  console.log(`  read as street "${parsed.street}", commune "${parsed.commune}", district "${parsed.district}", province "${parsed.province}"`);
  for (const candidate of single.candidates) console.log(`  → ${describe(candidate)} (diacritics ${candidate.diacritics.toLowerCase()})`);
} catch (error) {
  if (error instanceof VngovError) {
    console.error(`vngov answered ${error.code}${error.status ? ` (HTTP ${error.status})` : ""}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
