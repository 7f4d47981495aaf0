// Types for scripts/schemathesis.mjs.
export declare const SCHEMATHESIS_VERSION: string;
export declare function findSchemathesis(env?: Record<string, string | undefined>): { path: string; version: string } | null;
