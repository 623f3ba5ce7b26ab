// Walks a Relay connection page by page, following pageInfo.endCursor.
import { VngovError } from "./errors.js";

export interface Page<Node> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: readonly Node[];
}

/** Yields every node of a connection; `fetchPage(after)` loads one page (after = null first). */
export async function* paginate<Node>(fetchPage: (after: string | null) => Promise<Page<Node>>): AsyncGenerator<Node, void, undefined> {
  let after: string | null = null;
  for (;;) {
    const page: Page<Node> = await fetchPage(after);
    yield* page.nodes;
    if (!page.pageInfo.hasNextPage) return;
    // A server that claims more pages without a new cursor would make this loop forever.
    if (!page.pageInfo.endCursor || page.pageInfo.endCursor === after) {
      throw new VngovError("The server reported another page but no new endCursor to fetch it with.", {
        code: "BAD_RESPONSE",
      });
    }
    after = page.pageInfo.endCursor;
  }
}
