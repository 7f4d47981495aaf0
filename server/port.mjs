// Reads a port number typed by a person (a --port option): digits only, 0 to 65535. Plain JS so scripts/neo4j.mjs can
// use it too; the server's TypeScript gets its type from port.d.mts.

/** The port number `raw` names, or undefined when it is not digits only or above 65535 (0 means "pick a free port"). */
export function parsePort(raw) {
  const value = Number(raw);
  return /^\d+$/.test(raw) && value <= 65535 ? value : undefined;
}
