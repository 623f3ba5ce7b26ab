// Who is asking, as every resolver sees it: set once per request by the authentication plugin
// (http/auth.ts) on the GraphQL context, so the schema reads the caller without knowing HTTP.
import type { Language } from "../messages.js";
import type { Principal } from "./keys.js";

/** The caller of one request: its key (or anonymous), its scopes, and what the request fixed on arrival. */
export interface Caller extends Principal {
  /** The request id every answer and log line carries (x-request-id, or a fresh UUID). */
  requestId: string;
  /** Today's date in Vietnam (YYYY-MM-DD) as this request sees it: the default `asOf`, fixed when the request arrives. */
  today: string;
  /** The language of messages in the answer (Accept-Language, http/language.ts): userErrors are rendered in it. */
  language: Language;
}
