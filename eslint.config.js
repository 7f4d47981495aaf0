// ESLint for the whole repository: JavaScript's and typescript-eslint's recommended rules (syntax only, no type
// information, so a run stays fast), Svelte's recommended rules, and the import boundaries between the parts of the
// repository (`boundaries/doors`, scripts/eslint-boundaries.mjs). `npm run lint`; test/architecture runs it too.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from './scripts/eslint-boundaries.mjs';

const ADAPTERS = 'graph/adapters';

/**
 * The doors: which parts of the repository may import which. A door applies to the files matching `from` (less
 * `except`); an import is reported if it leaves `allow` (when given) or enters `deny`. Packages are never restricted.
 * bench/**, test/** and scripts/** may import anything.
 */
export const DOORS = [
  {
    from: ['web/src/**'],
    allow: ['web/src/**', 'graph/ontology.ts', 'graph/overview/aggregate.ts'],
    because:
      'the UI imports only web/src, packages and the zod-free graph/ontology.ts and graph/overview/aggregate.ts (grouping shared with the server); API types come from the generated module in web/src/api/',
  },
  { from: ['graph/**'], deny: ['server/**', 'web/**', 'bench/**'], because: 'the domain (graph/) never depends on the server, the UI or the benchmarks' },
  {
    from: ['graph/**'],
    except: [`${ADAPTERS}/**`],
    deny: [`${ADAPTERS}/**`],
    because: 'the domain knows no adapter: what both the domain and the adapters need (records, search keys) lives in graph/schema/',
  },
  { from: ['graph/store/**'], deny: [`${ADAPTERS}/**`], because: 'the store port and its errors know no adapter; only graph/adapters/index.ts picks one' },
  {
    from: [`${ADAPTERS}/ladybug/**`],
    deny: [`${ADAPTERS}/neo4j/**`],
    because: 'one adapter never reaches into the other; share code through graph/adapters/shared/',
  },
  {
    from: [`${ADAPTERS}/neo4j/**`],
    deny: [`${ADAPTERS}/ladybug/**`],
    because: 'one adapter never reaches into the other; share code through graph/adapters/shared/',
  },
  {
    from: [`${ADAPTERS}/shared/**`],
    deny: [`${ADAPTERS}/ladybug/**`, `${ADAPTERS}/neo4j/**`],
    because: 'code shared by the adapters imports neither of them; only graph/adapters/index.ts imports both',
  },
  { from: ['server/**'], except: ['server/cli/**'], deny: ['server/cli/**'], because: 'the CLI may import the server, never the other way round' },
];

export default defineConfig([
  globalIgnores(['dist/', 'data/', 'test-results/', 'coverage/', '.venv-ci/', '.schemathesis/', '.neo4j/', 'scripts/neo4j-launcher/target/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // The exporters' escapers (CSV, Cypher, GraphML) match control characters on purpose.
      'no-control-regex': 'off',
      // `const { drop: _drop, ...rest } = o` drops a key; a leading underscore marks a deliberately unused name.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // typescript-eslint turns prefer-const on for TypeScript files; `let x; … x = …` is how a callback defined earlier
    // reaches a value made later (server/main.ts: the store's log), so a read before the assignment keeps the `let`.
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    rules: { 'prefer-const': ['error', { ignoreReadBeforeAssign: true }] },
  },
  svelte.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The UI's Svelte components and runes modules: svelte-eslint-parser, with TypeScript inside <script lang="ts">.
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
    rules: {
      // The UI's Maps are built inside a function or $derived and replaced whole, or are caches the view never reads.
      'svelte/prefer-svelte-reactivity': 'off',
      // {' '} and {' – '} keep a space that the markup's line breaks would otherwise drop.
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    // Tests and benchmarks drive a browser with page.evaluate(): their callbacks run in the page.
    files: ['test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Tests and benchmarks read untyped JSON bodies and Cytoscape's internals inside the page.
      '@typescript-eslint/no-explicit-any': 'off',
      // A helper's error is read by a person in the test output; its message carries what matters.
      'preserve-caught-error': 'off',
    },
  },
  {
    plugins: { boundaries },
    rules: { 'boundaries/doors': ['error', { root: import.meta.dirname, doors: DOORS }] },
  },
]);
