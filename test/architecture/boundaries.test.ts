// The import doors of eslint.config.js (rule `boundaries/doors`, scripts/eslint-boundaries.mjs) on source that exists
// only in memory, placed at a path in the repository: each wrong import is reported, each allowed one is not.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The boundary messages ESLint reports for `code` as if it were the file at `file` (a path from the repository root). */
async function crossings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `${file} did not parse`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'boundaries/doors').map((m) => m.message);
}

describe('import doors', () => {
  it.each([
    ['graph/store/port.ts', "import { LadybugStore } from '../adapters/ladybug/store.js';\nexport { LadybugStore };\n", 'graph/adapters/ladybug/store.js'],
    ['graph/store/port.ts', "export const open = () => import('../adapters/neo4j/store.js');\n", 'graph/adapters/neo4j/store.js'],
    ['graph/store/errors.ts', "export type S = import('../adapters/ladybug/store.js').LadybugStore;\n", 'graph/adapters/ladybug/store.js'],
    ['web/src/views/X.ts', "import type { QueryBody } from '../../../server/schemas/query.js';\nexport type Q = QueryBody;\n", 'server/schemas/query.js'],
    [
      'web/src/views/X.svelte',
      '<script lang="ts">\n  import { querySchema } from \'../../../server/schemas/query.js\';\n  const s = querySchema;\n</script>\n\n<p>{String(s)}</p>\n',
      'server/schemas/query.js',
    ],
    ['web/src/api/types.ts', "export type { GraphNode } from '../../../graph/schema/graph.js';\n", 'graph/schema/graph.js'],
    ['server/app.ts', "import { PROJECT_ROOT } from './cli/paths.js';\nexport const root = PROJECT_ROOT;\n", 'server/cli/paths.js'],
    ['server/routes/x.ts', "export * from '../cli/paths.js';\n", 'server/cli/paths.js'],
    ['graph/analysis/x.ts', "import { buildApp } from '../../server/app.js';\nexport { buildApp };\n", 'server/app.js'],
    ['graph/adapters/ladybug/x.ts', "import { Neo4jStore } from '../neo4j/store.js';\nexport { Neo4jStore };\n", 'graph/adapters/neo4j/store.js'],
    ['graph/adapters/neo4j/x.ts', "import { LadybugStore } from '../ladybug/store.js';\nexport { LadybugStore };\n", 'graph/adapters/ladybug/store.js'],
    ['graph/adapters/shared/x.ts', "import { LadybugStore } from '../ladybug/store.js';\nexport { LadybugStore };\n", 'graph/adapters/ladybug/store.js'],
    ['graph/export/x.ts', "import { countGraph } from '../adapters/shared/records.js';\nexport { countGraph };\n", 'graph/adapters/shared/records.js'],
  ])('%s may not import what this source imports (%#)', async (file, code, target) => {
    const found = await crossings(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`'${file}' may not import '${target}'`);
  });

  it.each([
    [
      'web/src/views/X.svelte',
      "<script lang=\"ts\">\n  import { NODE_KINDS } from '../../../graph/ontology.js';\n  import { onMount } from 'svelte';\n  onMount(() => undefined);\n</script>\n\n<p>{NODE_KINDS.length}</p>\n",
    ],
    [
      'web/src/lib/x.ts',
      "import type { NodeKind } from '../../../graph/ontology.js';\nimport { api } from '../api/client.js';\nexport type K = NodeKind;\nexport { api };\n",
    ],
    ['server/cli/x.ts', "import { startServer } from '../main.js';\nimport { buildApp } from '../app.js';\nexport { startServer, buildApp };\n"],
    [
      'graph/adapters/index.ts',
      "import { LadybugStore } from './ladybug/store.js';\nimport { Neo4jStore } from './neo4j/store.js';\nexport { LadybugStore, Neo4jStore };\n",
    ],
    [
      'graph/adapters/ladybug/x.ts',
      "import { StoreError } from '../../store/errors.js';\nimport { helper } from '../shared/helper.js';\nexport { StoreError, helper };\n",
    ],
    [
      'test/x.test.ts',
      "import { buildApp } from '../server/app.js';\nimport { PROJECT_ROOT } from '../server/cli/paths.js';\nimport { LadybugStore } from '../graph/adapters/ladybug/store.js';\nexport { buildApp, PROJECT_ROOT, LadybugStore };\n",
    ],
    [
      'bench/x.ts',
      "import { Neo4jStore } from '../graph/adapters/neo4j/store.js';\nimport { startServer } from '../server/main.js';\nexport { Neo4jStore, startServer };\n",
    ],
  ])('%s may import what this source imports (%#)', async (file, code) => {
    expect(await crossings(file, code)).toEqual([]);
  });
});
