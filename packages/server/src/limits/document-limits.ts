// Document limits enforced before execution with graphql-armor: depth, aliases, tokens, directives.
//
// graphql-armor reports a bare "Syntax Error: …" without a code; its onReject hook lets each limit
// report its own coded error instead (parse-time limits throw, validation-time ones report).
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { GraphQLError, ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";
import { codedError, ErrorCode } from "../errors.js";

export interface DocumentLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
}

type LimitKey = "tooManyTokens" | "tooDeep" | "tooManyAliases" | "tooManyDirectives";

/** graphql-armor's rejection as a catalogued error: its limit, and what it found ("…, found 12."). */
function reject(code: ErrorCode, key: LimitKey, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/u.exec(error.message)?.[1] ?? "?";
    const params = { limit, found };
    // Token counting runs while parsing, where there is no validation context: throw, as a parse error does.
    if (!context) throw codedError(code, key, params, { status: 400 });
    context.reportError(codedError(code, key, params, { extensions: {} }));
  };
}

export function documentLimitPlugins(limits: DocumentLimits): Plugin[] {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxTokensPlugin({
      ...common,
      n: limits.maxTokens,
      onReject: [reject(ErrorCode.TOO_MANY_TOKENS, "tooManyTokens", limits.maxTokens)],
    }) as Plugin,
    maxDepthPlugin({
      ...common,
      n: limits.maxDepth,
      // Fragments count at the depth they are spread at, or a fragment would hide its nesting.
      flattenFragments: true,
      onReject: [reject(ErrorCode.QUERY_TOO_DEEP, "tooDeep", limits.maxDepth)],
    }) as Plugin,
    maxAliasesPlugin({
      ...common,
      n: limits.maxAliases,
      onReject: [reject(ErrorCode.TOO_MANY_ALIASES, "tooManyAliases", limits.maxAliases)],
    }) as Plugin,
    maxDirectivesPlugin({
      ...common,
      n: limits.maxDirectives,
      onReject: [reject(ErrorCode.TOO_MANY_DIRECTIVES, "tooManyDirectives", limits.maxDirectives)],
    }) as Plugin,
  ];
}
