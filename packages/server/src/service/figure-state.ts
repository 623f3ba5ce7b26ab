// Which figures are current: not corrected by a later figure, not retracted. Reads default to these.
import type { Prisma } from "../generated/prisma/client.js";

export const CURRENT_FIGURE = { retractedAt: null, supersededBy: { is: null } } satisfies Prisma.FigureWhereInput;

/** The filter for reads that may ask for superseded or retracted figures too. */
export function figureStateWhere(options: { includeSuperseded?: boolean | null; includeRetracted?: boolean | null } = {}): Prisma.FigureWhereInput {
  return {
    ...(options.includeRetracted ? {} : { retractedAt: null }),
    ...(options.includeSuperseded ? {} : { supersededBy: { is: null } }),
  };
}
