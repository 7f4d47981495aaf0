// Serialised answers of the node look-up routes, kept per graph shown. The answer to GET /api/nodes/:id (and to a
// depth-1 neighbourhood) depends only on the graph the request reads — the store's frozen snapshot as the review lens
// shows it, as of a year, itself a new object whenever the data is loaded or a review decision changes what it shows —
// and on the request's parameters. So the JSON text sent once can be sent again for as long as that object is the one
// requests read, and never after: the key names the object, not its content (docs/benchmarks.md, issue 15 target 3).
import type { FastifyReply } from 'fastify';
import type { GraphSnapshot } from '../graph/store/port.js';

/** What all kept answers may hold together, in bytes of JSON; the oldest go first beyond it. */
export const KEPT_RESPONSE_BUDGET = 32 * 1024 * 1024;
/** A larger answer is not kept: it would push out hundreds of small ones, and its cost is the bytes it sends anyway. */
const LARGEST_KEPT = 256 * 1024;

/**
 * A number per graph shown, never reused, so a key of an earlier graph can never name a later one. Held weakly: a
 * replaced graph is not kept alive by its answers, which go as the budget needs room.
 */
const graphIds = new WeakMap<GraphSnapshot, number>();
let nextGraphId = 1;

/** Kept answers in the order they were kept (a Map iterates in insertion order), by graph id and request key. */
const kept = new Map<string, Buffer>();
let keptBytes = 0;

function graphIdOf(shown: GraphSnapshot): number {
  let id = graphIds.get(shown);
  if (id === undefined) graphIds.set(shown, (id = nextGraphId++));
  return id;
}

function keep(key: string, body: Buffer): void {
  if (body.length > LARGEST_KEPT || kept.has(key)) return;
  kept.set(key, body);
  keptBytes += body.length;
  for (const [oldest, text] of kept) {
    if (keptBytes <= KEPT_RESPONSE_BUDGET) break;
    kept.delete(oldest);
    keptBytes -= text.length;
  }
}

/** How many answers are kept and their size in bytes; for tests. */
export function keptResponseStats(): { entries: number; bytes: number } {
  return { entries: kept.size, bytes: keptBytes };
}

/** Forgets every kept answer; for tests. */
export function forgetKeptResponses(): void {
  kept.clear();
  keptBytes = 0;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Sends the answer `request` names on the graph `shown` as of `year` (shownGraphForYear): the kept JSON when there is
 * one, otherwise `answer()` serialised by the route's own serialiser (so the tests' check of every response against the
 * zod schema still sees it) and kept. `answer` throws for what is not a 200 (an unknown node), and nothing is kept
 * then. `stillShown` says whether `shown` is still the graph requests read once the answer is made: a read from the
 * store that saw a new load answers from the new graph, and that answer must not be kept under the old one's name.
 */
export async function sendKept(
  reply: FastifyReply,
  graph: { shown: GraphSnapshot; year: number | null },
  request: string,
  answer: () => Promise<object>,
  stillShown: (shown: GraphSnapshot) => Promise<boolean>,
): Promise<FastifyReply> {
  const key = `${graphIdOf(graph.shown)}\u0000${graph.year ?? ''}\u0000${request}`;
  let body = kept.get(key);
  if (body === undefined) {
    // The route's compiled serialiser of its 200 answer (its schema is declared per content type, which reply.serialize does not pass).
    const json = reply.serializeInput((await answer()) as Record<string, unknown>, '200', 'application/json') as string;
    // As bytes: sent as they are, where a string is encoded to UTF-8 again on every send.
    body = Buffer.from(json);
    if (await stillShown(graph.shown)) keep(key, body);
  }
  return reply.type(JSON_CONTENT_TYPE).send(body);
}
