// Reads a V8 CPU profile (.cpuprofile, as `node --cpu-prof` or bench/http-server.ts's inspector session writes it) into
// the functions that took the most time, for the throughput benchmark's --profile runs: where a request's CPU goes,
// without opening DevTools.
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  /** Function name and where it is (the package under node_modules, or the path in this repository). */
  name: string;
  /** Share of the busy (not idle) time, 0–1: spent in the function itself, and in it or anything it called. */
  self: number;
  inclusive: number;
}

const ROOT = new URL('..', import.meta.url).href;

function nameOf({ callFrame: { functionName, url, lineNumber } }: ProfileNode): string {
  const where = url
    .replace(/^.*node_modules\//, '')
    .replace(ROOT, '')
    .replace(/^file:\/\//, '');
  // tsx compiles TypeScript without line mapping in the profile: the file names the place well enough.
  return `${functionName || '(anonymous)'} ${where || '(native)'}${where && !url.startsWith(ROOT) ? `:${lineNumber + 1}` : ''}`;
}

/** The `top` functions by their own time, each with its time including callees, as shares of the busy time. */
export async function profileSummary(file: string, top = 20): Promise<{ busyMs: number; lines: ProfileLine[] }> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const sampled = new Map<number, number>();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of sampled) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') continue;
    busy += micros;
    const name = nameOf(node);
    self.set(name, (self.get(name) ?? 0) + micros);
    // Each function once per sample, however deep it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const caller = nameOf(byId.get(at)!);
      if (seen.has(caller)) continue;
      seen.add(caller);
      inclusive.set(caller, (inclusive.get(caller) ?? 0) + micros);
    }
  }
  const lines = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, micros]) => ({ name, self: micros / busy, inclusive: (inclusive.get(name) ?? 0) / busy }));
  return { busyMs: busy / 1000, lines };
}

export function profileText(summary: { busyMs: number; lines: ProfileLine[] }): string {
  const pct = (share: number) => `${(share * 100).toFixed(1).padStart(5)} %`;
  return [
    `  busy ${summary.busyMs.toFixed(0)} ms; self, with callees, function:`,
    ...summary.lines.map((l) => `  ${pct(l.self)} ${pct(l.inclusive)}  ${l.name}`),
  ].join('\n');
}
