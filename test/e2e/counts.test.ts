// Issue 14, finding 7 («1 koblinger») on screen: a count of one reads in the singular where a reader meets it, in both
// languages — the coverage cells' names and the path count. (The message forms themselves: test/web/i18n-labels.test.ts.)
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './session.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

describe.runIf(enabled)('counts of one on screen in Chromium', { timeout: 60_000 }, () => {
  const { open } = useBrowserSession();

  it('names a coverage cell with one link «1 kobling», and with more «… koblinger»; «1 link» in English', async () => {
    for (const [lang, one, many] of [
      ['', ': 1 kobling', /: \d+ koblinger\b/],
      ['&lang=en', ': 1 link', /: \d+ links\b/],
    ] as const) {
      const page = await open(`/?view=coverage&preset=life-event-agency${lang}`);
      const cells = page.getByTestId('coverage-cell');
      await cells.first().waitFor();
      const labels = await cells.evaluateAll((els) => els.map((e) => [e.textContent!.trim(), e.getAttribute('aria-label')!]));
      const ones = labels.filter(([text]) => text === '1');
      const more = labels.filter(([text]) => /^([2-9]|\d\d+)\*?$/.test(text!));
      expect(ones.length, 'cells with one stated link').toBeGreaterThan(0);
      expect(more.length, 'cells with more links').toBeGreaterThan(0);
      for (const [, label] of ones) expect(label!.endsWith(one), label).toBe(true);
      for (const [, label] of more) expect(label, label).toMatch(many);
    }
  });

  it('says «1 korteste sti» for a pair joined by one path', async () => {
    const page = await open('/?view=paths&from=stimulab&to=sammenhengende-tjenester');
    await page.getByTestId('path-sentences').waitFor();
    expect(await page.getByTestId('path-sentence').count()).toBe(1);
    expect(await page.locator('main').innerText()).toMatch(/\b1 korteste sti med 1 steg\b/);
  });
});
