// The GraphQL schema: every domain type registers itself on the builder when imported.
import { builder } from "../builder.js";
import "./province.js";
import "./commune.js";
import "./service-center.js";
import "./registry-change.js";
import "./source.js";
import "./agency.js";
import "./unit-facts.js";
import "./indicator.js";
import "./figure.js";
import "./compare.js";
import "./legacy.js";
import "./address.js";
import "./geo.js";
import "./limits.js";
import "./stewardship.js";

export const schema = builder.toSchema({ sortSchema: false });
