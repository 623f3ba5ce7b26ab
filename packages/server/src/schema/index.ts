// The GraphQL schema: every domain type registers itself on the builder when imported.
import { getNamedType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLArgument, type GraphQLInputField } from "graphql";
import { builder } from "../builder.js";
import { STRING_BOUND_NOTE } from "../limits/endpoint.js";
import "./province.js";
import "./commune.js";
import "./service-center.js";
import "./registry-change.js";
import "./source.js";
import "./agency.js";
import "./unit-facts.js";
import "./postal-code.js";
import "./indicator.js";
import "./figure.js";
import "./compare.js";
import "./legacy.js";
import "./address.js";
import "./geo.js";
import "./limits.js";
import "./stewardship.js";
import "./change-event.js";

export const schema = builder.toSchema({ sortSchema: false });

// Every String and ID argument and input field states the one bound on strings (enforced for all of
// them by limits/input-strings.ts), so the rule is written once and no description can omit it.
const noteBound = (input: GraphQLArgument | GraphQLInputField) => {
  const type = getNamedType(input.type).name;
  if ((type === "String" || type === "ID") && !input.description?.includes(STRING_BOUND_NOTE)) {
    input.description = input.description ? `${input.description} ${STRING_BOUND_NOTE}` : STRING_BOUND_NOTE;
  }
};
for (const type of Object.values(schema.getTypeMap())) {
  if (type.name.startsWith("__")) continue;
  if (isObjectType(type) || isInterfaceType(type)) for (const field of Object.values(type.getFields())) field.args.forEach(noteBound);
  if (isInputObjectType(type)) Object.values(type.getFields()).forEach(noteBound);
}
