import { z } from 'zod';

export const MAX_CYPHER_LENGTH = 20_000;

/**
 * Bounds on `params`. They are data handed to the query engine, and the engine's cost grows with their shape, not just
 * their size: a list nested 24 deep (92 bytes) blocked the event loop for 8.5 s and 100 deep took 13.8 GB, because
 * LadybugDB infers a type for every level. Real parameters are ids, names, a list of ids, a small map: four levels of
 * nesting and the counts below leave plenty of room for those.
 */
export const PARAM_LIMITS = {
  /** Arrays and objects inside one parameter value: [[[[1]]]] is 4 deep, and a fifth level is refused. */
  depth: 4,
  /** Entries in any one object, the params object itself included. */
  keys: 100,
  /** Characters in a key. */
  keyLength: 200,
  /** Items in any one array. */
  items: 1_000,
  /** Characters in any one string. */
  stringLength: 10_000,
  /** Values of any kind in all of params together (each array, object and scalar counts once). */
  values: 10_000,
  /** Characters of params as JSON. */
  jsonLength: 64 * 1024,
} as const;

type Problem = { path: (string | number)[]; message: string };

/**
 * Walks params once and stops at the first limit passed, so a hostile value costs at most `values` steps and never
 * reaches the typed schema (whose unions would otherwise report only "Invalid input" at the top).
 */
function firstProblem(params: unknown): Problem | null {
  if (params === undefined) return null;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return null; // the typed schema says "must be an object"
  let values = 0;
  const visit = (value: unknown, path: (string | number)[], depth: number): Problem | null => {
    if (++values > PARAM_LIMITS.values) return { path: [], message: `must hold at most ${PARAM_LIMITS.values} values in all` };
    if (typeof value === 'string') {
      return value.length > PARAM_LIMITS.stringLength ? { path, message: `must be at most ${PARAM_LIMITS.stringLength} characters` } : null;
    }
    if (value === null || typeof value !== 'object') return null;
    if (depth > PARAM_LIMITS.depth)
      return { path, message: `nests arrays and objects more than ${PARAM_LIMITS.depth} levels deep; the limit is ${PARAM_LIMITS.depth}` };
    if (Array.isArray(value)) {
      if (value.length > PARAM_LIMITS.items) return { path, message: `must have at most ${PARAM_LIMITS.items} items` };
      for (let i = 0; i < value.length; i++) {
        const problem = visit(value[i], [...path, i], depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    const entries = Object.entries(value);
    if (entries.length > PARAM_LIMITS.keys) return { path, message: `must have at most ${PARAM_LIMITS.keys} keys` };
    for (const [key, item] of entries) {
      if (key.length > PARAM_LIMITS.keyLength) return { path, message: `has a key longer than ${PARAM_LIMITS.keyLength} characters` };
      const problem = visit(item, [...path, key], depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  // The params object itself is level 0: its values may nest `depth` levels below it.
  const entries = Object.entries(params);
  if (entries.length > PARAM_LIMITS.keys) return { path: [], message: `must have at most ${PARAM_LIMITS.keys} parameters` };
  for (const [key, value] of entries) {
    if (key.length > PARAM_LIMITS.keyLength) return { path: [], message: `has a parameter name longer than ${PARAM_LIMITS.keyLength} characters` };
    const problem = visit(value, [key], 1);
    if (problem) return problem;
  }
  if (JSON.stringify(params).length > PARAM_LIMITS.jsonLength) return { path: [], message: `must be at most ${PARAM_LIMITS.jsonLength} characters as JSON` };
  return null;
}

const scalar = [z.string().max(PARAM_LIMITS.stringLength), z.number(), z.boolean(), z.null()] as const;

/** A JSON value with at most `levels` levels of arrays and objects, written out level by level so the OpenAPI shows the bound. */
function jsonValue(levels: number): z.ZodType {
  if (levels === 0) return z.union(scalar);
  const inner = jsonValue(levels - 1);
  return z.union([
    ...scalar,
    z.array(inner).max(PARAM_LIMITS.items),
    z.record(z.string().max(PARAM_LIMITS.keyLength), inner).meta({ maxProperties: PARAM_LIMITS.keys }),
  ]);
}

export type ParamValue = string | number | boolean | null | ParamValue[] | { [key: string]: ParamValue };

export const QueryParams = z.preprocess(
  (params, ctx) => {
    const problem = firstProblem(params);
    if (problem) ctx.issues.push({ code: 'custom', input: params, path: problem.path, message: problem.message });
    return params;
  },
  z.record(z.string().max(PARAM_LIMITS.keyLength), jsonValue(PARAM_LIMITS.depth)).meta({ maxProperties: PARAM_LIMITS.keys }),
) as unknown as z.ZodType<Record<string, ParamValue>>;

export const QueryRequest = z.strictObject({
  cypher: z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_CYPHER_LENGTH, `must be at most ${MAX_CYPHER_LENGTH} characters`)
    .describe('One read-only Cypher statement, e.g. "MATCH (a:Agency)-[r:LEADS]->(i) RETURN a, r, i LIMIT 10"'),
  params: QueryParams.default({}).describe(
    `Values for $parameters in the query: JSON values with arrays and objects nested at most ${PARAM_LIMITS.depth} levels deep, ` +
      `at most ${PARAM_LIMITS.keys} keys per object, ${PARAM_LIMITS.items} items per array, ${PARAM_LIMITS.stringLength} characters per string, ` +
      `${PARAM_LIMITS.values} values and ${PARAM_LIMITS.jsonLength} characters of JSON in all`,
  ),
});
