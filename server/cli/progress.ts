// The progress of a long command on standard error: a bar redrawn in place when standard error is a terminal, plain
// lines otherwise (a log, CI). Nothing is shown for a command that ends within the first second.
import type { LoadProgress } from '../../graph/schema/load.js';

/** Where progress goes: standard error, and whether it is a terminal. */
export interface ProgressSink {
  tty: boolean;
  write(text: string): void;
  columns(): number;
}

export const stderrSink = (): ProgressSink => ({
  tty: process.stderr.isTTY === true,
  write: (text) => void process.stderr.write(text),
  columns: () => process.stderr.columns ?? 80,
});

const PHASE_WORDS: Record<LoadProgress['phase'], string> = {
  validating: 'reading and validating',
  clearing: 'clearing the old graph',
  nodes: 'nodes',
  relationships: 'relationships',
  committing: 'committing',
  indexing: 'indexing',
  reconciling: 'follow-up records',
};

export interface ProgressOptions {
  /** Nothing is shown before this many ms (a quick command prints no progress at all). */
  quietMs?: number;
  /** Least time between two redraws of the bar, and between two plain lines of one phase. */
  redrawMs?: number;
  linesEveryMs?: number;
  now?: () => number;
}

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export class ProgressBar {
  private readonly start: number;
  private readonly now: () => number;
  private lastDraw = -Infinity;
  private lastPhase: string | null = null;
  private drawn = false;
  private latest: LoadProgress | null = null;

  constructor(
    private readonly sink: ProgressSink | undefined,
    private readonly options: ProgressOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.start = this.now();
    // A step that takes long (a commit, reading the graph back) still moves the clock on the bar.
    if (sink?.tty) this.timer = setInterval(() => this.latest && this.update(this.latest), 500).unref();
  }

  private timer: NodeJS.Timeout | null = null;

  update(progress: LoadProgress): void {
    this.latest = progress;
    if (!this.sink) return;
    const elapsed = this.now() - this.start;
    if (elapsed < (this.options.quietMs ?? 1000)) return;
    const phaseChanged = progress.phase !== this.lastPhase;
    if (this.sink.tty) {
      if (!phaseChanged && this.now() - this.lastDraw < (this.options.redrawMs ?? 100)) return;
      this.sink.write(`\r${this.barLine(progress, elapsed)}\x1b[K`);
      this.drawn = true;
    } else {
      if (!phaseChanged && this.now() - this.lastDraw < (this.options.linesEveryMs ?? 5000)) return;
      this.sink.write(`${this.plainLine(progress, elapsed)}\n`);
    }
    this.lastDraw = this.now();
    this.lastPhase = progress.phase;
  }

  /** Clears the bar (the command's own last line follows it). */
  done(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.sink?.tty && this.drawn) this.sink.write('\r\x1b[K');
    this.drawn = false;
  }

  private barLine(p: LoadProgress, elapsed: number): string {
    const label = `${PHASE_WORDS[p.phase]}${p.total > 1 ? ` ${count(p.done)}/${count(p.total)}` : ''}`;
    const tail = ` ${label}  ${seconds(elapsed)}`;
    const width = Math.max(10, Math.min(40, this.sink!.columns() - tail.length - 8));
    if (p.total <= 1) return `[${'·'.repeat(width)}]${tail}`.slice(0, this.sink!.columns() - 1);
    const share = Math.min(1, p.done / p.total);
    const full = Math.round(share * width);
    return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(Math.floor(share * 100)).padStart(3)} %${tail}`.slice(0, this.sink!.columns() - 1);
  }

  private plainLine(p: LoadProgress, elapsed: number): string {
    const counts = p.total > 1 ? ` ${count(p.done)} of ${count(p.total)}` : '';
    return `load: ${PHASE_WORDS[p.phase]}${counts} (${seconds(elapsed)})`;
  }
}
