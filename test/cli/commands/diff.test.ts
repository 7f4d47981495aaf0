// `strategigraf diff FROM TO` on the gap fixture (sources for 2020 and 2021), through the real CLI and embedded store.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAP_FIXTURE } from '../../analysis/store-contract.js';
import { useLoadedCli } from '../loaded-cli.js';

describe('strategigraf diff', () => {
  const { cli, dir: scratch } = useLoadedCli(GAP_FIXTURE);

  it('writes the changes as markdown: what slipped with both sources, and the summary counts', async () => {
    const { code, stdout } = await cli('diff', '2020', '2021', '--date', '2026-12-02');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Endringer 2020–2021\n/);
    expect(stdout).toContain('Generert: 2. desember 2026 · År med kilder: 2020, 2021');
    expect(stdout).toContain('| Status gått tilbake | 1 |');
    expect(stdout).toContain(
      '## Status gått tilbake (1)\n\n- «Sammenhengende tjenester»: «På plan» (2020, Erfaringsrapport 2020) → «Mindre forsinkelser» (2021, Erfaringsrapport 2021)\n',
    );
  });

  it("writes English HTML to a file and JSON that is the API's answer", async () => {
    const out = path.join(scratch(), 'diff.html');
    const html = await cli('diff', '2020', '2021', '--format', 'html', '--lang', 'en', '--out', out);
    expect(html.code, html.stderr).toBe(0);
    const page = await readFile(out, 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h2>Status slipped (1)</h2>');
    const json = await cli('diff', '2020', '2021', '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({ from: 2020, to: 2021, years: [2020, 2021] });
  });

  it.each([
    [['diff', '2021', '2020'], 'FROM must not be after TO (2021 > 2020)'],
    [['diff', '2019', '2021'], "FROM 2019 is outside the years the data's sources cover (2020–2021)"],
    [['diff', 'abc', '2021'], 'FROM must be a year such as 2020 (got "abc")'],
    [['diff', '2020'], 'give two years, FROM and TO (got 1 argument)'],
    [['diff', '2020', '2021', '--format', 'pdf'], '--format must be one of md, html, json (got "pdf")'],
  ])('refuses %j with a usage error that says why', async (args, message) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
