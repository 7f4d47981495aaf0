// Plain JavaScript values in and out of the Neo4j driver: no Integer, Node or temporal object leaves the adapter.
import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isPath, isPoint, isRelationship, isTime } from 'neo4j-driver';
import type { Node, Relationship } from 'neo4j-driver';

/** The driver sends a JS number as a float; whole numbers must go as Cypher integers (LIMIT, page, year …). */
export function toNeo4jParam(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParam);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParam(v)]));
  }
  return value;
}

export function toNeo4jParams(params: Record<string, unknown>): Record<string, unknown> {
  return toNeo4jParam(params) as Record<string, unknown>;
}

export function fromNeo4jValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) return String(value);
  if (isPoint(value)) {
    const p = value as unknown as { srid: unknown; x: number; y: number; z?: number };
    return { srid: fromNeo4jValue(p.srid), x: p.x, y: p.y, ...(p.z !== undefined ? { z: p.z } : {}) };
  }
  if (Array.isArray(value)) return value.map(fromNeo4jValue);
  if (isNode(value) || isRelationship(value) || isPath(value)) return value;
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromNeo4jValue(v)]));
  return value;
}

export function plainProperties(entity: Node | Relationship): Record<string, unknown> {
  return fromNeo4jValue(entity.properties) as Record<string, unknown>;
}
