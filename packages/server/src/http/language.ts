// The language a request's messages are written in: negotiated from Accept-Language (RFC 9110)
// among the catalogue's languages (messages.ts), English when the caller states no preference we
// can meet. Errors are rendered in it where answers are formatted (operations.ts, the export and
// download routes); GraphiQL picks its saved examples by it (or by `?lang=`).
import type { Plugin } from "graphql-yoga";
import Negotiator from "negotiator";
import { asLanguage, DEFAULT_LANGUAGE, LANGUAGES, type Language } from "../messages.js";
import { requestPathname, requestState } from "./request-state.js";

/** Longer Accept-Language values are not parsed (no browser sends one): the default applies. */
const MAX_HEADER_LENGTH = 512;

/** The best of LANGUAGES for an Accept-Language value: "vi-VN,vi;q=0.9,en;q=0.8" → "vi". */
export function negotiateLanguage(acceptLanguage: string | null): Language {
  if (!acceptLanguage || acceptLanguage.length > MAX_HEADER_LENGTH) return DEFAULT_LANGUAGE;
  // DEFAULT_LANGUAGE first: negotiator prefers the earlier of equally acceptable languages ("*").
  const chosen = new Negotiator({ headers: { "accept-language": acceptLanguage } }).language([...LANGUAGES]);
  return asLanguage(chosen) ?? DEFAULT_LANGUAGE;
}

/** The request's language, negotiated once and kept with the request's state. */
export function requestLanguage(request: Request): Language {
  const state = requestState(request);
  state.language ??= negotiateLanguage(request.headers.get("accept-language"));
  return state.language;
}

/**
 * Marks the endpoint's answers (error messages, the GraphiQL page) as depending on Accept-Language,
 * so that an HTTP cache does not hand a Vietnamese error to an English caller.
 */
export function languagePlugin(graphqlEndpoint: string): Plugin {
  return {
    onResponse({ request, response }) {
      if (requestPathname(request) !== graphqlEndpoint) return;
      const vary = response.headers.get("vary");
      if (!vary?.toLowerCase().includes("accept-language")) response.headers.set("vary", vary ? `${vary}, Accept-Language` : "Accept-Language");
    },
  };
}
