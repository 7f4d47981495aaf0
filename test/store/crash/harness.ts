// Runs test/store/crash/child.ts (or another script) in a child process, reads its lines, and kills it with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const RUN_TS = path.join(ROOT, 'bin/run-ts.mjs');

export class Child {
  private readonly lines: string[] = [];
  private waiters: (() => void)[] = [];
  private stderr = '';
  readonly exited: Promise<number | null>;
  private readonly proc: ChildProcess;

  constructor(script: string, args: string[]) {
    this.proc = spawn(process.execPath, [RUN_TS, script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    this.proc.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      this.lines.push(...parts);
      for (const w of this.waiters.splice(0)) w();
    });
    this.proc.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => {
      resolve(code);
      for (const w of this.waiters.splice(0)) w();
    }));
  }

  static store(db: string, which: 'A' | 'B' | 'seed' | 'none'): Child {
    return new Child('test/store/crash/child.ts', [db, which]);
  }

  /** The first line starting with `prefix`, waiting for it; fails if the child exits first or `timeoutMs` passes. */
  async waitFor(prefix: string, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.find((l) => l.startsWith(prefix));
      if (line !== undefined) return line.slice(prefix.length).trim();
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) {
        throw new Error(`the child exited before printing "${prefix}"; stdout: ${this.lines.join(' | ')}; stderr: ${this.stderr}`);
      }
      if (Date.now() > deadline) throw new Error(`no "${prefix}" from the child within ${timeoutMs} ms; stdout: ${this.lines.join(' | ')}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  has(prefix: string): boolean {
    return this.lines.some((l) => l.startsWith(prefix));
  }

  async kill(): Promise<void> {
    this.proc.kill('SIGKILL');
    await this.exited;
  }
}
