// The load's progress on standard error: nothing for a quick load, a bar redrawn in place on a terminal, plain lines
// (one a step, then one every few seconds) when standard error is a file or a pipe.
import { describe, expect, it } from 'vitest';
import { ProgressBar, type ProgressSink } from '../../server/cli/progress.js';

function sink(tty: boolean): ProgressSink & { text: string } {
  const s = { tty, text: '', write: (t: string) => void (s.text += t), columns: () => 80 };
  return s;
}

describe('ProgressBar', () => {
  it('shows nothing in the first second, then a bar that redraws in place, cleared at the end', () => {
    let now = 0;
    const out = sink(true);
    const bar = new ProgressBar(out, { now: () => now });
    bar.update({ phase: 'nodes', done: 10, total: 100 });
    expect(out.text).toBe('');
    now = 1500;
    bar.update({ phase: 'nodes', done: 50, total: 100 });
    expect(out.text).toMatch(/^\r\[█{20}░{20}\] {2}50 % nodes 50\/100 {2}1\.5 s\x1b\[K$/);
    now = 1550;
    bar.update({ phase: 'nodes', done: 60, total: 100 });
    expect(out.text.split('\r')).toHaveLength(2);
    bar.update({ phase: 'relationships', done: 0, total: 500_000 });
    expect(out.text).toContain('relationships 0/500,000');
    bar.done();
    expect(out.text.endsWith('\r\x1b[K')).toBe(true);
    expect(out.text).not.toContain('\n');
  });

  it('writes a plain line for each step when standard error is not a terminal', () => {
    let now = 0;
    const out = sink(false);
    const bar = new ProgressBar(out, { now: () => now });
    now = 2000;
    bar.update({ phase: 'clearing', done: 0, total: 1 });
    bar.update({ phase: 'nodes', done: 5, total: 10 });
    bar.update({ phase: 'nodes', done: 6, total: 10 });
    bar.update({ phase: 'committing', done: 0, total: 1 });
    bar.done();
    expect(out.text.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^load: clearing the old graph \(\d+\.\d s\)$/),
      expect.stringMatching(/^load: nodes 5 of 10 \(\d+\.\d s\)$/),
      expect.stringMatching(/^load: committing \(\d+\.\d s\)$/),
    ]);
    expect(out.text).not.toContain('\r');
  });

  it('shows nothing at all without a sink', () => {
    const bar = new ProgressBar(undefined);
    bar.update({ phase: 'nodes', done: 1, total: 2 });
    bar.done();
  });
});
