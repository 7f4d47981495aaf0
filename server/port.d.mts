// Types for server/port.mjs.
export declare function parsePort(raw: string): number | undefined;
