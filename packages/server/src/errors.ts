// The error codes clients can see in `extensions.code`: the one documented list.
import { GraphQLError } from "graphql";

export const ErrorCode = {
  /** The request's arguments or variables are malformed or out of range. */
  BAD_USER_INPUT: "BAD_USER_INPUT",
  /** The query does not parse or does not validate against the schema. */
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  /** Something failed on the server; the message is masked and the error logged. */
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A user-caused error with a message that says what is wrong and how to fix it. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
  });
}
