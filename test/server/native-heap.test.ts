// The C library's heap: on glibc the server caps its arenas and gives freed native memory back (server/native-heap.ts).
// Measured in a fresh process, whose heap holds nothing but what the test puts there.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const onGlibc =
  process.platform === 'linux' && Boolean((process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime);

// Native buffers of 48 KiB (below glibc's mmap threshold, so from an arena), every other one freed: the freed ones lie
// between live ones, where free() cannot give them back, only malloc_trim can.
const CHILD = `
import { existsSync, readFileSync } from 'node:fs';
import { limitMallocArenas, trimNativeHeap } from './server/native-heap.ts';
const rss = () => !existsSync('/proc/self/status') ? 0 : Number(/VmRSS:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
const capped = limitMallocArenas(2);
const kept = [];
let freed = [];
for (let i = 0; i < 4000; i++) (i % 2 ? kept : freed).push(Buffer.allocUnsafeSlow(48 * 1024).fill(i & 255));
freed = null;
gc();
gc();
const before = rss();
const trimmed = trimNativeHeap();
console.log(JSON.stringify({ capped, trimmed, freedBytes: before - rss(), kept: kept.length }));
`;

describe('native heap', () => {
  it(onGlibc ? 'gives memory freed between live native buffers back to the system (glibc)' : 'does nothing without glibc', () => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', CHILD], { cwd: ROOT, encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { capped: boolean; trimmed: boolean; freedBytes: number; kept: number };
    expect(result.kept).toBe(2000);
    expect(result.capped).toBe(onGlibc);
    expect(result.trimmed).toBe(onGlibc);
    // 2,000 freed buffers are 94 MiB; glibc gave back 91 of them in every run on this machine. Without the trim, nothing.
    if (onGlibc) expect(result.freedBytes).toBeGreaterThan(48 * 1024 * 1024);
  });
});
