// No import cycles in graph/, server/ and web/src: a cycle means two modules cannot be understood, tested or moved
// apart (the last one was the store configuration building both adapters while an adapter imported its config type
// back from it). Type-only and dynamic imports count too. Svelte components are not parsed; their .ts modules are.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every cycle madge finds among the TypeScript modules under `dirs`, `.js` specifiers resolved to `.ts` as tsc does. */
async function importCycles(baseDir: string, dirs: string[], tsConfig: string): Promise<{ cycles: string[][]; modules: number }> {
  const result = await madge(
    dirs.map((d) => path.join(baseDir, d)),
    { baseDir, fileExtensions: ['ts'], tsConfig },
  );
  return { cycles: result.circular(), modules: Object.keys(result.obj()).length };
}

describe('import cycles', () => {
  it('there are none in graph/, server/ or web/src', async () => {
    const { cycles, modules } = await importCycles(ROOT, ['graph', 'server', 'web/src'], path.join(ROOT, 'tsconfig.json'));
    expect(modules).toBeGreaterThan(100); // the check saw the code, not an empty tree
    expect(cycles).toEqual([]);
  }, 120_000);

  it('the check finds a cycle when there is one (a throwaway three-module fixture)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-cycle-'));
    try {
      await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
      await writeFile(path.join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = () => b();\n");
      await writeFile(path.join(dir, 'b.ts'), "import type { C } from './c.js';\nexport const b = (c?: C) => c;\n");
      await writeFile(path.join(dir, 'c.ts'), "import { a } from './a.js';\nexport type C = ReturnType<typeof a>;\n");
      const { cycles, modules } = await importCycles(dir, ['.'], path.join(dir, 'tsconfig.json'));
      expect(modules).toBe(3);
      expect(cycles).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
