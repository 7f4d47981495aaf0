#!/usr/bin/env node
// Re-adds lock entries for optional packages of other platforms that the registry reachable here does not serve.
// npm install leaves them out, and npm ci then rejects the lock as out of sync. Run after `npm install`:
//   node scripts/lock-platform-entries.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM_PACKAGES = {
  'node_modules/@ladybugdb/core-darwin-arm64': { version: '0.19.1', cpu: ['arm64'], os: ['darwin'] },
  'node_modules/@ladybugdb/core-darwin-x64': { version: '0.19.1', cpu: ['x64'], os: ['darwin'] },
  'node_modules/@ladybugdb/core-linux-arm64': { version: '0.19.1', cpu: ['arm64'], os: ['linux'] },
  'node_modules/@ladybugdb/core-win32-x64': { version: '0.19.1', cpu: ['x64'], os: ['win32'] },
  'node_modules/napi-windows-process-start-time': { version: '0.1.0', os: ['win32'] },
};

const file = 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
let added = 0;
for (const [key, entry] of Object.entries(PLATFORM_PACKAGES)) {
  if (lock.packages[key]) continue;
  lock.packages[key] = { version: entry.version, license: 'MIT', optional: true, os: entry.os, ...(entry.cpu ? { cpu: entry.cpu } : {}) };
  added++;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `added ${added} platform entries to ${file}` : `${file} already has every platform entry`);
