// Response serialisation compiled once per route from the same zod schemas the OpenAPI document is generated from:
// z.toJSONSchema (output side) feeds fast-json-stringify, Fastify's own serialiser. The zod serialiser of
// fastify-type-provider-zod validated every response against its schema and then ran JSON.stringify; that was most of
// what a look-up cost (docs/benchmarks.md, issue 15). A compiled serialiser does not validate: it writes the
// properties the schema names and leaves out the rest, as zod's encoding of a non-strict object does.
//
// What proves the responses still match the schemas: with `verify` on (the test suites, and STRATEGIGRAF_VERIFY_RESPONSES=1),
// every response is also encoded by zod, as before, and the two must be the same JSON; a difference (a property
// dropped, a value coerced, a branch of a union picked wrongly) or a response zod refuses is a 500 that names the
// route, so any test that calls a route catches it.
import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { z } from 'zod';

type Serialize = (data: unknown) => string;
type JsonSchema = Record<string, unknown>;

/** Per zod schema: the route schemas are module constants, so every app built in a process (the tests build many) shares them. */
const compiled = new WeakMap<z.ZodType, Serialize>();

/** The JSON Schema of what the API sends, in the draft fast-json-stringify reads, its named parts (Node, Edge, …) as definitions. */
export function responseJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as JsonSchema;
  delete json['$schema'];
  return simplifyPrimitiveUnions(json) as JsonSchema;
}

const PRIMITIVE_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/**
 * `anyOf` of bare primitive types (and at most one array), as zod writes a union like PropertyValue, becomes one `type`
 * list: fast-json-stringify serialises that by typeof, where an `anyOf` costs an Ajv validation of every value against
 * every branch. The same values are allowed; only the serialiser's schema changes, never the OpenAPI document.
 */
function simplifyPrimitiveUnions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(simplifyPrimitiveUnions);
  if (!value || typeof value !== 'object') return value;
  const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, simplifyPrimitiveUnions(v)])) as JsonSchema;
  const branches = out['anyOf'];
  if (!Array.isArray(branches)) return out;
  const bare = (b: JsonSchema) => Object.keys(b).every((k) => k === 'type' || (k === 'items' && b['type'] === 'array'));
  const arrays = branches.filter((b: JsonSchema) => b['type'] === 'array');
  const simple =
    branches.every((b: JsonSchema) => typeof b['type'] === 'string' && bare(b) && (PRIMITIVE_TYPES.has(b['type']) || b['type'] === 'array')) &&
    arrays.length <= 1;
  if (!simple) return out;
  const { anyOf: _, ...rest } = out;
  const items = (arrays[0] as JsonSchema | undefined)?.['items'];
  // The array first: fast-json-stringify's "string" test takes anything with its own toString, an array included.
  const types = branches.map((b: JsonSchema) => b['type'] as string).sort((a, b) => Number(b === 'array') - Number(a === 'array'));
  return { ...rest, type: types, ...(items ? { items } : {}) };
}

/** A compiled serialiser for one zod schema; null when fast-json-stringify cannot take its JSON Schema. */
export function compileSerializer(schema: z.ZodType): Serialize | null {
  const hit = compiled.get(schema);
  if (hit) return hit;
  let serialize: Serialize;
  try {
    serialize = fastJson(responseJsonSchema(schema) as unknown as Parameters<typeof fastJson>[0]) as Serialize;
  } catch {
    return null;
  }
  compiled.set(schema, serialize);
  return serialize;
}

/** What the zod serialiser of fastify-type-provider-zod sent: the value encoded by zod (throws if it does not match), as JSON. */
function zodJson(schema: z.ZodType, data: unknown): string {
  return JSON.stringify(z.encode(schema, data as never));
}

export class ResponseMismatchError extends Error {
  constructor(route: string, detail: string) {
    super(`the compiled serialiser of ${route} does not send what the zod schema does: ${detail}`);
    this.name = 'ResponseMismatchError';
  }
}

/** The first place where two JSON values differ, as a path, for the error message. */
export function firstDifference(actual: unknown, expected: unknown, at = '$'): string | null {
  if (isDeepStrictEqual(actual, expected)) return null;
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object' && Array.isArray(actual) === Array.isArray(expected)) {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) {
      if (!(key in a)) return `${at}.${key} is missing (expected ${JSON.stringify(e[key])?.slice(0, 80)})`;
      if (!(key in e)) return `${at}.${key} is not in the schema's answer`;
      const inner = firstDifference(a[key], e[key], `${at}.${key}`);
      if (inner) return inner;
    }
  }
  return `${at} is ${JSON.stringify(actual)?.slice(0, 80)}, expected ${JSON.stringify(expected)?.slice(0, 80)}`;
}

/** Compares the compiled serialiser's JSON with zod's for one response; throws ResponseMismatchError when they differ. */
export function verifiedSerializer(schema: z.ZodType, serialize: Serialize, route: string): Serialize {
  return (data) => {
    const expected = zodJson(schema, data);
    const actual = serialize(data);
    if (actual !== expected) {
      // Same JSON in another key order is the same answer.
      const difference = firstDifference(JSON.parse(actual), JSON.parse(expected));
      if (difference) throw new ResponseMismatchError(route, difference);
    }
    return actual;
  };
}

/**
 * Answers a route keeps for as long as the graph version they were derived from (the gap pages, the coverage matrices:
 * graph/analysis/materialised.ts), marked by keepSerialised: their JSON is written once, by the first response, and the
 * same text is sent to every later one. It cannot go stale: a new graph version gives a new answer object. Keyed by the
 * answer object itself, so the text goes when the answer does.
 */
const keptJson = new WeakMap<object, string | undefined>();

/** Marks an answer that nobody changes and that is given again to later requests: its JSON is kept with it. */
export function keepSerialised<T extends object>(answer: T): T {
  if (!keptJson.has(answer)) keptJson.set(answer, undefined);
  return answer;
}

/** A serialiser that writes a kept answer once (verified once in the tests, as every other first response). */
function reusingKept(serialize: Serialize): Serialize {
  return (data) => {
    if (!data || typeof data !== 'object' || !keptJson.has(data)) return serialize(data);
    let text = keptJson.get(data);
    if (text === undefined) keptJson.set(data, (text = serialize(data)));
    return text;
  };
}

const fallbacks = new Set<string>();

/** The routes (and statuses) of every app built in this process whose responses zod encodes because no serialiser compiled. */
export function serializerFallbacks(): string[] {
  return [...fallbacks];
}

/** Fastify's serializer compiler for the app: compiled from the zod schemas, and checked against zod with `verify`. */
export function compiledSerializerCompiler(options: { verify: boolean }): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url, httpStatus }) => {
    const route = `${method} ${url} (${httpStatus ?? 'default'})`;
    if (!(schema instanceof z.ZodType)) {
      // A plain JSON Schema (none of the app's routes has one today): Fastify's own way.
      return fastJson(schema as Parameters<typeof fastJson>[0]) as Serialize;
    }
    const serialize = compileSerializer(schema);
    if (!serialize) {
      // A schema fast-json-stringify cannot take is encoded by zod, as before (a test keeps this list empty).
      fallbacks.add(route);
      return (data) => zodJson(schema, data);
    }
    return reusingKept(options.verify ? verifiedSerializer(schema, serialize, route) : serialize);
  };
}
