// The house rules over the whole tree: ESLint (eslint.config.js, with the import doors) and Prettier (.prettierrc.json,
// .prettierignore). Each failure lists the offending files. Both cache their results under node_modules/.cache, keyed by
// file content, so a run after a small change re-checks only what changed. `npm run lint` / `npm run format` fix or explain.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache');

describe('house rules', () => {
  it('ESLint reports no problem (npm run lint)', async () => {
    const eslint = new ESLint({ cwd: ROOT, cache: true, cacheLocation: path.join(CACHE_DIR, 'eslint') + path.sep, cacheStrategy: 'content' });
    const results = await eslint.lintFiles(['.']);
    const problems = results.flatMap((r) =>
      r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'parse'}: ${m.message}`),
    );
    expect(problems, 'ESLint problems (npm run lint)').toEqual([]);
  }, 180_000);

  it('every file Prettier formats is formatted (npm run format)', async () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
      .split('\0')
      .filter(Boolean);
    // A file that passed is remembered by a hash of Prettier's version, its settings for the file and the file's text.
    const cacheFile = path.join(CACHE_DIR, 'house-rules', 'prettier.json');
    let passed: Record<string, string> = {};
    try {
      passed = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, string>;
    } catch {
      // no cache yet
    }
    const stillPassing: Record<string, string> = {};
    const unformatted: string[] = [];
    for (const file of files) {
      const absolute = path.join(ROOT, file);
      const info = await prettier.getFileInfo(absolute, {
        ignorePath: [path.join(ROOT, '.gitignore'), path.join(ROOT, '.prettierignore')],
        resolveConfig: true,
      });
      if (info.ignored || !info.inferredParser) continue;
      let text: string;
      try {
        text = readFileSync(absolute, 'utf8');
      } catch {
        continue; // listed by git but deleted in the work tree
      }
      const options = await prettier.resolveConfig(absolute, { editorconfig: true });
      const key = createHash('sha256').update(prettier.version).update(JSON.stringify(options)).update(text).digest('hex');
      if (passed[file] === key || (await prettier.check(text, { ...options, filepath: absolute }))) stillPassing[file] = key;
      else unformatted.push(file);
    }
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(stillPassing));
    expect(unformatted, 'files Prettier would change (npm run format)').toEqual([]);
  }, 180_000);
});
