// Every type, field, argument and enum value is described for an analyst who never saw the code.
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLNamedType,
} from "graphql";
import { expect, it } from "vitest";
import { schema } from "../src/schema/index.js";

function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  const blank = (text: string | null | undefined) => !text || text.trim().length < 8;
  if (blank(type.description)) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

it("describes every type, field, argument and enum value", () => {
  const types = Object.values(schema.getTypeMap()).filter(
    (type) => !type.name.startsWith("__") && !(isScalarType(type) && ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)),
  );
  expect(types.filter((t) => isObjectType(t) || isUnionType(t) || isEnumType(t)).length).toBeGreaterThan(5);
  expect(types.flatMap(undescribed)).toEqual([]);
});

// The schema is one English document; a Vietnamese reader finds each main type by the words the
// legal texts use for it, which its description names.
const VIETNAMESE_TERMS: Record<string, string[]> = {
  Province: ["tỉnh", "thành phố trực thuộc trung ương"],
  ProvinceKind: ["tỉnh", "thành phố trực thuộc trung ương"],
  Commune: ["xã", "phường", "đặc khu"],
  CommuneType: ["đơn vị hành chính cấp xã", "xã", "phường", "đặc khu"],
  ServiceCenter: ["Trung tâm Phục vụ hành chính công"],
  ServiceCenterScope: ["Trung tâm Phục vụ hành chính công"],
  Agency: ["Ủy ban nhân dân", "sở", "cơ quan tương đương sở"],
  AgencyKind: ["Trung tâm Phục vụ hành chính công"],
  AgencyLevel: ["cấp tỉnh", "cấp xã"],
  Figure: ["số liệu"],
  Indicator: ["chỉ tiêu"],
  Source: ["nguồn"],
  LegacyProvince: ["tỉnh", "thành phố trực thuộc trung ương"],
  LegacyDistrict: ["huyện", "quận", "thị xã"],
  LegacyCommune: ["xã", "phường", "thị trấn"],
  LegacyCommuneType: ["xã", "phường", "thị trấn"],
  LineageLink: ["sắp xếp đơn vị hành chính"],
  DistrictLineageLink: ["huyện đảo", "đặc khu"],
  RegistryChange: ["nghị quyết"],
  AddressConversion: ["địa chỉ"],
};

it("names the Vietnamese term of each main type in its description", () => {
  const missing: string[] = [];
  for (const [name, terms] of Object.entries(VIETNAMESE_TERMS)) {
    const description = schema.getType(name)?.description ?? "";
    for (const term of terms) if (!description.includes(term)) missing.push(`${name}: ${term}`);
  }
  expect(missing).toEqual([]);
});
