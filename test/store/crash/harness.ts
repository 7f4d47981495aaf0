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
  /** Once the child has exited and its output has been read to the end ('exit' may come before the last of it). */
  readonly closed: Promise<void>;
  private readonly proc: ChildProcess;

  constructor(script: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
    this.proc = spawn(
      process.execPath,
      [script.endsWith('.ts') ? RUN_TS : null, script, ...args].filter((a): a is string => a !== null),
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let buffered = '';
    // Decoded by the stream, not chunk by chunk: a character split between two chunks would come out as two broken ones.
    this.proc.stdout!.setEncoding('utf8');
    this.proc.stderr!.setEncoding('utf8');
    this.proc.stdout!.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      this.lines.push(...parts);
      for (const w of this.waiters.splice(0)) w();
    });
    this.proc.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      this.proc.on('exit', (code) => {
        resolve(code);
        for (const w of this.waiters.splice(0)) w();
      }),
    );
    this.closed = new Promise((resolve) => this.proc.on('close', () => resolve()));
  }

  /** The signal that ended the child, if one did. */
  get signal(): NodeJS.Signals | null {
    return this.proc.signalCode;
  }

  /** The last `chars` characters the child wrote to stderr. */
  stderrTail(chars = 2000): string {
    return this.stderr.slice(-chars);
  }

  static store(db: string, which: 'A' | 'B' | 'seed' | 'none'): Child {
    return new Child('test/store/crash/child.ts', [db, which]);
  }

  /** The strategigraf CLI, e.g. `serve`, on the LadybugDB file `db`. */
  static cli(db: string, args: string[]): Child {
    const env: NodeJS.ProcessEnv = { ...process.env, STRATEGIGRAF_DB: db };
    delete env['NEO4J_URI'];
    return new Child('bin/strategigraf.mjs', args, env);
  }

  /** The first line containing `text` (anywhere, unlike waitFor), waiting for it. */
  async waitForLineWith(text: string, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.find((l) => l.includes(text));
      if (line !== undefined) return line;
      if (this.proc.exitCode !== null || Date.now() > deadline)
        throw new Error(`no line with "${text}"; stdout: ${this.lines.join(' | ')}; stderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
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
      if (Date.now() > deadline)
        throw new Error(`no "${prefix}" from the child within ${timeoutMs} ms; stdout: ${this.lines.join(' | ')}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Every line so far starting with `prefix`, without it. */
  linesStartingWith(prefix: string): string[] {
    return this.lines.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length).trim());
  }

  has(prefix: string): boolean {
    return this.lines.some((l) => l.startsWith(prefix));
  }

  async kill(): Promise<void> {
    this.proc.kill('SIGKILL');
    await this.exited;
  }
}
