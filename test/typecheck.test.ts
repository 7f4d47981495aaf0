// TypeScript strict over the whole repository, and svelte-check over the web UI (Vite strips types without checking).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = (name: string) => path.resolve('node_modules', '.bin', name);

async function check(command: string, args: string[]): Promise<string> {
  try {
    await run(bin(command), args, { maxBuffer: 16 * 1024 * 1024 });
    return '';
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
  }
}

describe('type checks', () => {
  it('tsc --noEmit passes on graph/, server/, scripts/, test/ and bench/', async () => {
    expect(await check('tsc', ['--noEmit', '-p', '.'])).toBe('');
  }, 180_000);

  it('svelte-check finds no errors or warnings in web/', async () => {
    expect(await check('svelte-check', ['--tsconfig', 'web/tsconfig.json', '--threshold', 'warning', '--output', 'human'])).toBe('');
  }, 180_000);
});
