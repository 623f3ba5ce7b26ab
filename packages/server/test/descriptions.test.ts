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
