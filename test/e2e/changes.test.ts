// The graph over years in a real Chromium against the real app on the gap fixture, whose sources cover 2020 and 2021
// (a focus area slipping from «På plan» to «Mindre forsinkelser»): the Changes view, opening a change in Explore, and
// the header's year changing what Gaps finds. Each state checked with axe-core (WCAG 2.1 A/AA, serious and critical);
// the Changes view saved as screenshots 1440 and 390 wide.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatViolations, param, runAxe, screenshot } from './support.js';
import { useBrowserSession } from './session.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);
const SLIPPING = 'Status for «Sammenhengende tjenester» har gått tilbake';

describe.runIf(enabled)('changes between years in Chromium', { timeout: 60_000 }, () => {
  const browser = useBrowserSession({ dataset: 'test/fixtures/gaps' });
  const open = browser.open;

  async function expectNoAxeViolations(page: Page): Promise<void> {
    expect(formatViolations(await runAxe(page)), `axe on ${page.url()}`).toBe('');
  }
  const section = (page: Page, name: string) => page.locator(`[data-testid="changes-section"][data-section="${name}"]`);
  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('opens on the two latest years and shows the slipped focus area with its labels and sources', async () => {
    const page = await open('/?view=changes', { width: 1440, height: 1000 });
    await page.getByTestId('changes-comparing').waitFor();
    expect((await page.getByTestId('changes-comparing').textContent())!.trim()).toBe('Fra 2020 til 2021');
    expect(await page.getByTestId('changes-from').inputValue()).toBe('2020');
    expect(await page.getByTestId('changes-to').inputValue()).toBe('2021');
    await expect.poll(() => page.evaluate(() => document.title)).toMatch(/^Endringer/);

    const slipped = section(page, 'slipped');
    expect((await slipped.getByTestId('changes-count').textContent())!.trim()).toBe('1 endring');
    const row = slipped.getByTestId('change-row');
    expect(await row.count()).toBe(1);
    expect(await row.locator('h3').textContent()).toBe('Sammenhengende tjenester');
    // The direction in words (the sr-only prefix «Endring:» for screen readers) beside its shape.
    expect((await row.getByTestId('change-direction').textContent())!.replace(/\s+/g, ' ').trim()).toBe('Endring:▼ Gått tilbake');
    const before = row.getByTestId('change-before');
    const after = row.getByTestId('change-after');
    expect((await before.textContent())!.replace(/\s+/g, ' ')).toContain('Før (2020) «På plan» Kilde: Erfaringsrapport 2020');
    expect((await after.textContent())!.replace(/\s+/g, ' ')).toContain('Etter (2021) «Mindre forsinkelser» Kilde: Erfaringsrapport 2021');
    // The fixture's reports have no web address: the source is named, not linked.
    expect(await row.getByTestId('change-source').locator('a').count()).toBe(0);

    // The focus area whose status held, the sections with nothing, and the findings that opened with the slip.
    expect(await section(page, 'unchanged').getByTestId('change-row').count()).toBe(2);
    expect((await section(page, 'improved').getByTestId('changes-none').textContent())!.trim()).toBe('Ingen endringer');
    expect(await section(page, 'opened').getByTestId('change-row').filter({ hasText: SLIPPING }).count()).toBe(1);
    // No internal id on screen.
    expect(await page.locator('main').innerText()).not.toMatch(/fa-tjenester|rapport-20|vurdering-|slipping-status/);

    await expectNoAxeViolations(page);
    await screenshot(page, 'changes-1440');
    const small = await open('/?view=changes', { width: 390, height: 844 });
    await section(small, 'slipped').getByTestId('change-row').waitFor();
    expect(await noHorizontalScroll(small)).toBe(true);
    await expectNoAxeViolations(small);
    await screenshot(small, 'changes-390');
  });

  it('will not compare from a year after the one it compares to, and says why', async () => {
    const page = await open('/?view=changes');
    await page.getByTestId('changes-comparing').waitFor();
    await page.getByTestId('changes-from').selectOption('2021');
    await page.getByTestId('changes-to').selectOption('2020');
    const error = page.getByTestId('changes-order-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Fra-året (2021) kan ikke være etter til-året (2020)');
    expect(await page.getByTestId('changes-from').getAttribute('aria-invalid')).toBe('true');
    const submit = page.getByTestId('changes-submit');
    expect(await submit.getAttribute('aria-disabled')).toBe('true');
    expect(await submit.getAttribute('aria-describedby')).toBe('changes-order-error');
    // Neither a click (forced: Playwright, like a screen reader, reads aria-disabled as disabled) nor Enter on the
    // focused button submits it.
    await submit.click({ force: true });
    await submit.focus();
    await page.keyboard.press('Enter');
    expect(param(page, 'from')).toBeNull();
    expect((await page.getByTestId('changes-comparing').textContent())!.trim()).toBe('Fra 2020 til 2021');
    await expectNoAxeViolations(page);
    await screenshot(page, 'changes-order-error');

    // A good pair is submitted by keyboard and lands in the URL; the same year twice compares nothing.
    await page.getByTestId('changes-from').selectOption('2021');
    await page.getByTestId('changes-to').selectOption('2021');
    expect(await error.count()).toBe(0);
    await page.getByTestId('changes-submit').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => [param(page, 'from'), param(page, 'to')]).toEqual(['2021', '2021']);
    await expect.poll(async () => (await page.getByTestId('changes-comparing').textContent())!.trim()).toBe('Fra 2021 til 2021');
    expect(await page.getByTestId('change-row').count()).toBe(0);

    // A shared link with the years the wrong way round shows them with the reason, and asks nothing.
    const backwards = await open('/?view=changes&from=2021&to=2020');
    await backwards.getByTestId('changes-order-error').waitFor();
    expect(await backwards.getByTestId('changes-section').count()).toBe(0);
  });

  it('opens a change in Explore with the subject selected and the change highlighted', async () => {
    const page = await open('/?view=changes');
    const row = section(page, 'slipped').getByTestId('change-row');
    await row.waitFor();
    const href = new URL((await row.getByTestId('change-open').getAttribute('href'))!, browser.session.app.url);
    expect(href.searchParams.get('view')).toBe('explore');
    await row.getByTestId('change-open').click();
    await expect.poll(() => param(page, 'view')).toBe('explore');
    expect(param(page, 'node')).toBe('fa-tjenester');
    expect(param(page, 'hl')?.split(',')).toEqual(['fa-tjenester', 'vurdering-tjenester-2020', 'vurdering-tjenester-2021']);
    await page.getByTestId('highlight-notice').waitFor();
    await expect.poll(() => page.getByTestId('details-panel').locator('h2').textContent()).toBe('Sammenhengende tjenester');
    // Both assessments are in the graph shown (the table holds what the canvas does).
    await page.getByTestId('toggle-table').click();
    const table = page.getByTestId('graph-table');
    await expect.poll(() => table.textContent()).toContain('Sammenhengende tjenester 2021');
    expect(await table.textContent()).toContain('Sammenhengende tjenester 2020');
    // Back returns to the Changes view as it was.
    await page.goBack();
    await section(page, 'slipped').getByTestId('change-row').waitFor();
  });

  it('answers Gaps as of the year picked in the header, and keeps the year in the URL', async () => {
    const page = await open('/?view=gaps');
    const findings = page.getByTestId('gap-finding');
    await findings.first().waitFor();
    expect(await findings.filter({ hasText: SLIPPING }).count()).toBe(1);
    const picker = page.getByTestId('year-select');
    // The header's control: a labelled native select, the latest year marked, newest first.
    expect(await page.getByLabel('År', { exact: true }).getAttribute('data-testid')).toBe('year-select');
    expect(await picker.locator('option').allTextContents()).toEqual(['2021 (nyeste)', '2020']);
    expect(await picker.inputValue()).toBe('2021');
    await expectNoAxeViolations(page);

    await picker.selectOption('2020');
    await expect.poll(() => param(page, 'year')).toBe('2020');
    // The slip is a 2021 fact: as of 2020 there is nothing to find.
    await expect.poll(() => page.getByTestId('gap-summary').textContent()).not.toBe(null);
    await expect.poll(async () => (await findings.allTextContents()).some((t) => t.includes(SLIPPING))).toBe(false);
    expect(await findings.count()).toBeGreaterThan(0);
    expect((await page.getByTestId('year-note').textContent())!.trim()).toBe('Slik grafen sto i 2020.');
    expect(await picker.getAttribute('aria-describedby')).toBe('year-note');
    await expectNoAxeViolations(page);
    await screenshot(page, 'gaps-as-of-2020');

    // The year goes with the navigation, and Explore answers as of it too.
    expect(new URL((await page.getByTestId('nav-coverage').getAttribute('href'))!, browser.session.app.url).searchParams.get('year')).toBe('2020');
    await page.getByTestId('nav-explore').click();
    await expect.poll(() => param(page, 'view')).toBe('explore');
    expect(param(page, 'year')).toBe('2020');
    expect((await page.getByTestId('year-note').textContent())!.trim()).toBe('Slik grafen sto i 2020.');
    await page.goBack();
    await findings.first().waitFor();
    // Back to the latest drops the year from the URL.
    await picker.selectOption('2021');
    await expect.poll(() => param(page, 'year')).toBeNull();
    await expect.poll(async () => (await findings.allTextContents()).some((t) => t.includes(SLIPPING))).toBe(true);
    expect(await page.getByTestId('year-note').count()).toBe(0);

    // A shared link with a year loads as of it; one with a year the data lacks says so and shows the latest.
    const shared = await open('/?view=gaps&year=2020');
    await shared.getByTestId('gap-finding').first().waitFor();
    expect(await shared.getByTestId('gap-finding').filter({ hasText: SLIPPING }).count()).toBe(0);
    const wrong = await open('/?view=gaps&year=1990');
    await expect.poll(async () => (await wrong.getByTestId('year-note').textContent())?.trim()).toBe('Året «1990» finnes ikke i dataene. Viser 2021.');
    await expect.poll(() => wrong.getByTestId('gap-finding').filter({ hasText: SLIPPING }).count()).toBe(1);
    expect(await wrong.locator('main [role="alert"]').count()).toBe(0);
  });
});
