// The MCP tools cap their inputs and answers at the server's limits; the package ships without the
// server, so it keeps its own copies, and this test holds each copy to the server's constant.
import { describe, expect, it } from "vitest";
import { MAX_NAME_LENGTH as SERVER_MAX_NAME_LENGTH } from "../../server/src/limits/name-length.js";
import { MAX_LINE_LENGTH as SERVER_MAX_LINE_LENGTH } from "../../server/src/schema/address.js";
import { MAX_POINTS as SERVER_MAX_POINTS } from "../../server/src/schema/geo.js";
import { MAX_REGISTRY_CHANGES as SERVER_MAX_REGISTRY_CHANGES } from "../../server/src/schema/registry-change.js";
import { MAX_CHANGES, MAX_LINE_LENGTH, MAX_NAME_LENGTH, MAX_POINTS } from "../src/tools.js";

describe("the MCP tools' limits", () => {
  it("take as many points and list as many registry changes as the server allows, and no more", () => {
    expect(MAX_POINTS).toBe(SERVER_MAX_POINTS);
    expect(MAX_CHANGES).toBe(SERVER_MAX_REGISTRY_CHANGES);
  });

  it("take names and address lines as long as the server does, so a tool refuses what the server would", () => {
    expect(MAX_NAME_LENGTH).toBe(SERVER_MAX_NAME_LENGTH);
    expect(MAX_LINE_LENGTH).toBe(SERVER_MAX_LINE_LENGTH);
  });
});
