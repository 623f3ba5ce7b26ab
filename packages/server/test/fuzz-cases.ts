// The fuzz's request generator: malformed GraphQL-over-HTTP requests drawn from a seeded generator,
// so a run sends the same requests every time. Shared by test/fuzz.test.ts (through yoga.fetch) and
// the reliability suite (against a real server process).
import { seededRandom } from "./helpers.js";

/** The seed both fuzz runs use; printed by the reliability run so a failure can be replayed. */
export const FUZZ_SEED = 20260701;

export type Case = { method: string; url: string; headers: Record<string, string>; body?: BodyInit };


const VALID = [
  `{ province(code: "15") { name communes(first: 3) { nodes { code serviceCenter { name } } } } }`,
  `query Q($n: Int, $s: String) { communes(first: $n, search: $s) { totalCount nodes { name province { code } } } }`,
  `query($code: String!, $asOf: Date) { commune(code: $code, asOf: $asOf) { fullName type } }`,
  `{ registryChanges(from: "2025-07-01") { code to province { name } } }`,
  `{ provinces(first: 2, after: "YXJyYXljb25uZWN0aW9uOjA=") { edges { cursor node { id code } } pageInfo { hasNextPage } } }`,
  `{ node(id: "UHJvdmluY2U6MTVAMjAyNS0wNy0wMQ==") { id ... on Province { name } } }`,
];
const JUNK_VALUES = [null, 0, -1, 1e308, 2 ** 31, -(2 ** 31) - 1, 1.5, "", "x".repeat(300), "2025-02-30", "😀", true, [], {}, [1, [2]], { a: { b: null } }];

/** The requests of one seed, in order, addressed to the GraphQL endpoint at `url`. */
export function fuzzCases(seed: number, url: string): () => Case {
  const random = seededRandom(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (max: number) => Math.floor(random() * max);

  function mutate(query: string): string {
    const chars = [...query];
    for (let i = int(4) + 1; i > 0; i--) {
      const at = int(chars.length + 1);
      const action = int(3);
      if (action === 0) chars.splice(at, 1);
      else if (action === 1) chars.splice(at, 0, pick([..."{}()[]:$@!.\"#,=\\ \n\u0000…aZ9"]));
      else chars.splice(at, int(10));
    }
    return chars.join("");
  }

  function randomBytes(length: number): ArrayBuffer {
    return Uint8Array.from({ length }, () => int(256)).buffer as ArrayBuffer;
  }

  function nextCase(): Case {
    const json = { "content-type": "application/json", accept: pick(["application/json", "application/graphql-response+json", "*/*", "text/html", "application/xml", ""]) };
    const variables = () => pick([undefined, null, "not an object", 42, [], { n: pick(JUNK_VALUES), s: pick(JUNK_VALUES), code: pick(JUNK_VALUES), asOf: pick(JUNK_VALUES) }]);
    switch (int(9)) {
      case 0: // random bytes as JSON
        return { method: "POST", url, headers: json, body: randomBytes(int(200)) };
      case 1: // a body that is JSON but not a GraphQL request
        return { method: "POST", url, headers: json, body: JSON.stringify(pick([null, 1, "q", [], [1, 2], { query: pick(JUNK_VALUES) }, { operationName: 5 }, { extensions: "x" }, [{ query: 7 }]])) };
      case 2: // wrong content types
        return {
          method: "POST",
          url,
          headers: { "content-type": pick(["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "", "application/json; charset=latin1", "application/graphql"]) },
          body: pick([`{ __typename }`, JSON.stringify({ query: "{ __typename }" }), "--x\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{\r\n--x--", "query=%7B"]),
        };
      case 3: // invalid variables for valid queries
        return { method: "POST", url, headers: json, body: JSON.stringify({ query: pick(VALID), variables: variables() }) };
      case 4: // broken queries
        return { method: "POST", url, headers: json, body: JSON.stringify({ query: mutate(pick(VALID)), variables: variables(), operationName: pick([undefined, "Q", "", "Nope"]) }) };
      case 5: // GET with broken parameters
        return {
          method: "GET",
          url: `${url}?${new URLSearchParams({ query: mutate(pick(VALID)), variables: pick(["{", "[]", "null", JSON.stringify(variables() ?? null)]), extensions: pick(["", "{", "{\"persistedQuery\":1}"]) })}`,
          headers: { accept: pick(["application/json", "application/graphql-response+json"]) },
        };
      case 6: // GET of a mutation-like or empty request
        return { method: "GET", url: `${url}?${pick(["", "query=", "query=mutation%7Ba%7D", "documentId=abc", "variables=%7B%7D"])}`, headers: { accept: "application/json" } };
      case 7: // other methods
        return { method: pick(["PUT", "DELETE", "PATCH"]), url, headers: json, body: JSON.stringify({ query: "{ __typename }" }) };
      default: // persisted ids, batches and junk authorization
        return {
          method: "POST",
          url,
          headers: { ...json, ...(random() < 0.3 ? { authorization: pick(["Bearer", "Bearer x", "Basic y", "vngov_", "Bearer vngov_" + "a".repeat(43)]) } : {}) },
          body: JSON.stringify(pick([{ documentId: pick(JUNK_VALUES) }, { extensions: { persistedQuery: { version: 1, sha256Hash: pick(JUNK_VALUES) } } }, Array.from({ length: int(15) }, () => ({ query: random() < 0.1 ? pick(VALID) : mutate(pick(VALID)) }))])),
        };
    }
  }

  return nextCase;
}
