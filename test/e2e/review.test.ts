// Review of inferred links and the audit trail in Chromium, with people signed in through a real OpenID provider
// (signed-in.ts): the review badge beside an inferred link's basis for everyone, an editor rejecting the link (the badge
// changes, the link leaves Explore and comes back with «Vis avviste koblinger», drawn apart), an inferred field
// accepted, a decision made on a stale thread answered with "someone else reviewed this" and the current decision, a
// lost session told to sign in, and the admin's audit view with the decision's before and after and its CSV. axe finds
// no serious or critical violation in any state; screenshots at 1440 and 390 wide. The tests build on each other in
// order (one app, one store).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatViolations, layoutDone, runAxe, SCREENSHOT_DIR, screenshot, settle } from './support.js';
import { useSignedInSession } from './signed-in.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

/** An inferred link the first picture of Explore draws: a focus area's contribution to an SDG (seeds/reports/2020/sdg-contributions.yaml). */
const FOCUS_AREA = 'okt-digital-kompetanse';
const LINK = 'okt-digital-kompetanse:CONTRIBUTES_TO:sdg-4';
const WIDE = { width: 1440, height: 1000 };
const NARROW = { width: 390, height: 844 };

describe.runIf(enabled)('review of inferred links and the audit trail in Chromium', { timeout: 90_000 }, () => {
  const session = useSignedInSession();

  async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
    expect(formatViolations(await runAxe(page)), `axe: ${what}`).toBe('');
  }

  /** What the viewport shows (the full-page shots of Explore are mostly empty page below the canvas). */
  async function viewportShot(page: Page, name: string): Promise<void> {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  }

  /** The canvas centred on a node found by name, and zoomed in, so a line's style can be seen. */
  async function zoomOnto(page: Page, name: string): Promise<void> {
    await page.getByTestId('explore-search-input').fill(name);
    await page.getByTestId('search-option').filter({ hasText: name }).first().click();
    await page.waitForTimeout(700); // the canvas centres it 300 ms later, in 200 ms
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom inn' }).click();
    await settle(page);
  }

  /** The start panel, dismissed so the canvas is in view. */
  async function dismissStart(page: Page): Promise<void> {
    const close = page.getByTestId('start-close');
    if (await close.count()) await close.click();
  }

  const relationship = (page: Page, edge: string) => page.locator(`[data-testid="relationship"][data-edge="${edge}"]`);
  const edgeCount = async (page: Page) => Number(/(\d+) relasjoner/.exec((await page.getByTestId('graph-canvas').getAttribute('aria-label')) ?? '')?.[1]);

  /** The thread as the API has it, read as an admin script would. */
  async function threadOf(target: string): Promise<{ version: number; state: string; events: { action: string; by: { name: string }; note?: string }[] }> {
    const res = await session.api('GET', `/api/reviews/${encodeURIComponent(target)}`);
    expect(res.status).toBe(200);
    return (await res.json()) as never;
  }

  it('shows a reader the review state beside the basis of an inferred link, and its thread, without the buttons', async () => {
    const page = await session.open(`/?node=${FOCUS_AREA}`);
    const link = relationship(page, LINK);
    await link.waitFor();
    expect(await link.locator('.basis').textContent()).toBe('Utledet');
    const badge = link.getByTestId('review-badge');
    expect(await badge.innerText()).toMatch(/Ikke vurdert$/);
    expect(await badge.getAttribute('data-state')).toBe('unreviewed');
    // A screen reader hears what the badge is about, not only the word.
    expect(await badge.textContent()).toContain('Vurdering: ');
    // A stated link is the source's word: no review badge.
    const stated = page
      .locator('[data-testid="relationship"]')
      .filter({ has: page.locator('.basis-stated') })
      .first();
    expect(await stated.getByTestId('review-badge').count()).toBe(0);

    await link.getByTestId('review-toggle').click();
    const thread = link.getByTestId('review-thread');
    await thread.getByText('Ingen har vurdert eller kommentert dette ennå.').waitFor();
    expect(await thread.getByTestId('review-form').count()).toBe(0);
    expect(await thread.getByRole('link', { name: 'Logg inn' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'a reader with a thread open');
  });

  it('lets an editor reject the link with a reason: the badge changes, the link leaves Explore and comes back, drawn apart, with the switch', async () => {
    const page = await session.open(`/?node=${FOCUS_AREA}`, { as: 'erik', viewport: WIDE });
    await dismissStart(page);
    await layoutDone(page);
    const before = await edgeCount(page);
    const link = relationship(page, LINK);
    await link.getByTestId('review-toggle').click();
    const thread = link.getByTestId('review-thread');
    await thread.getByTestId('review-form').waitFor();

    // A rejection must say why: nothing is sent without a reason.
    await thread.getByTestId('review-reject').click();
    expect(await thread.getByTestId('review-problem').innerText()).toBe('Skriv hvorfor før du avviser.');
    expect((await threadOf(LINK)).events).toEqual([]);

    await thread.getByLabel('Begrunnelse eller kommentar').fill('Rapporten sier ingenting om utdanning; koblingen er for løs.');
    await thread.getByTestId('review-reject').click();
    await thread.getByTestId('review-done').waitFor();
    expect(await thread.getByTestId('review-done').innerText()).toBe('Du avviste dette. Beslutningen er lagret.');
    // The badge beside the basis now says so, with who and why, and the thread has the dated, signed decision.
    await expect.poll(() => link.getByTestId('review-badge').getAttribute('data-state')).toBe('rejected');
    expect(await link.getByTestId('review-badge').innerText()).toMatch(/Avvist$/);
    const event = thread.getByTestId('review-event');
    await expect.poll(() => event.count()).toBe(1);
    expect(await event.innerText()).toMatch(/Avviste\s+Erik Redaktør, \d/);
    // With the thread closed, the decision stands in one line under the link.
    await link.getByTestId('review-toggle').click();
    expect(await link.getByTestId('review-decision').innerText()).toMatch(/^Avvist av Erik Redaktør, .+: Rapporten sier ingenting om utdanning/);
    const stored = await threadOf(LINK);
    expect(stored.state).toBe('rejected');
    expect(stored.events.map((e) => [e.action, e.by.name])).toEqual([['reject', 'Erik Redaktør']]);

    // The graph no longer draws it; the switch brings it back, labelled and dotted grey.
    await expect.poll(() => edgeCount(page)).toBe(before - 1);
    await page.getByText('Filtre', { exact: true }).click();
    await page.getByTestId('show-rejected').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('rejected')).toBe('1');
    await expect.poll(() => edgeCount(page)).toBe(before);
    await layoutDone(page);
    await settle(page);
    await expectNoAxeViolations(page, 'an editor after rejecting, rejected links shown');
    await zoomOnto(page, 'God utdanning');
    await viewportShot(page, 'review-explore-rejected-1440');

    // The table lists it too, set apart and saying «Avvist».
    await page.getByTestId('toggle-table').click();
    const row = page.locator(`[data-testid="edge-row"][data-edge="${LINK}"]`);
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('rejected');
    expect(await row.getByTestId('review-badge').innerText()).toMatch(/Avvist$/);
    await page.getByTestId('show-rejected').uncheck();
    await expect.poll(() => row.count()).toBe(0);
  });

  it('lets an editor accept an inferred field of a node, beside its «Utledet» mark', async () => {
    const page = await session.open(`/?node=${FOCUS_AREA}`, { as: 'erik' });
    const fact = page.getByTestId('fact-number');
    await fact.getByTestId('inferred-mark').waitFor();
    expect(await fact.getByTestId('field-review-badge').innerText()).toMatch(/Ikke vurdert$/);
    await fact.getByRole('button', { name: /Utledet/ }).click();
    const thread = fact.getByTestId('review-thread');
    expect(await thread.locator('h4').innerText()).toBe('Vurdering av Nummer');
    await thread.getByTestId('review-accept').click();
    await thread.getByTestId('review-done').waitFor();
    await expect.poll(() => fact.getByTestId('field-review-badge').getAttribute('data-state')).toBe('accepted');
    expect((await threadOf(`${FOCUS_AREA}.number`)).state).toBe('accepted');
    await expectNoAxeViolations(page, 'a field accepted');
  });

  it('answers a decision made on a thread someone else has changed since with the current decision, and sends nothing', async () => {
    const page = await session.open(`/?node=${FOCUS_AREA}&rejected=1`, { as: 'erik', viewport: WIDE });
    await dismissStart(page);
    const link = relationship(page, LINK);
    await link.getByTestId('review-toggle').click();
    const thread = link.getByTestId('review-thread');
    await thread.getByTestId('review-form').waitFor();
    const read = await threadOf(LINK);

    // Meanwhile another editor, a script with an editor's API token, accepts it on the version it read.
    const made = await session.api('POST', '/api/tokens', { body: { name: 'Kari Redaktør (skript)', role: 'editor', expiresInDays: 1 } });
    expect(made.status).toBe(201);
    const { secret } = (await made.json()) as { secret: string };
    const other = await fetch(`${session.url}/api/reviews/${encodeURIComponent(LINK)}/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'if-match': `"${read.version}"` },
      body: JSON.stringify({ note: 'Mål 4.4 nevner digitale ferdigheter.' }),
    });
    expect(other.status).toBe(200);

    await thread.getByLabel('Begrunnelse eller kommentar').fill('Fortsatt for løst.');
    await thread.getByTestId('review-reject').click();
    const problem = thread.getByTestId('review-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-kind')).toBe('conflict');
    expect(await problem.innerText()).toMatch(/^Noen andre har vurdert dette i mellomtiden\. Her er den gjeldende beslutningen; ditt svar er ikke sendt\./);
    // The current decision is on screen, the editor's text is still in the box, and the store has only the other one.
    await expect.poll(() => thread.getByTestId('review-thread-state').getAttribute('data-state')).toBe('accepted');
    expect(await thread.getByTestId('review-standing').innerText()).toMatch(/Godtatt av Kari Redaktør \(skript\), \d/);
    await expect.poll(() => thread.getByTestId('review-event').count()).toBe(2);
    expect(await thread.getByLabel('Begrunnelse eller kommentar').inputValue()).toBe('Fortsatt for løst.');
    await expect.poll(() => link.getByTestId('review-badge').getAttribute('data-state')).toBe('accepted');
    const stored = await threadOf(LINK);
    expect(stored.events.map((e) => e.action)).toEqual(['reject', 'accept']);
    await expectNoAxeViolations(page, 'the 412 message');
    await viewportShot(page, 'review-conflict-1440');

    // Signed out behind the page's back (the session cookie gone): the answer says to sign in, and nothing is sent.
    await page.context().clearCookies();
    await thread.getByTestId('review-comment').click();
    await expect.poll(() => thread.getByTestId('review-problem').getAttribute('data-kind')).toBe('signIn');
    expect(await thread.getByTestId('review-problem').innerText()).toMatch(/^Du er ikke \(lenger\) innlogget/);
    expect((await threadOf(LINK)).events).toHaveLength(2);
  });

  it('tells a signed-in reader that reviewing needs the editor role, and hides the audit trail from them', async () => {
    const page = await session.open(`/?node=${FOCUS_AREA}`, { as: 'lise' });
    const link = relationship(page, LINK);
    await link.getByTestId('review-toggle').click();
    const thread = link.getByTestId('review-thread');
    await thread.getByText('Du er logget inn med rollen leser. Å vurdere krever rollen redaktør.').waitFor();
    expect(await thread.getByTestId('review-form').count()).toBe(0);
    // The thread is there for everyone.
    await expect.poll(() => thread.getByTestId('review-event').count()).toBe(2);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);

    await page.goto(`${session.url}/?view=audit`);
    await page.getByTestId('audit-needs-admin').waitFor();
    expect(await page.getByTestId('audit-needs-admin').innerText()).toContain('Revisjonsloggen krever rollen administrator.');
    expect(await page.getByTestId('audit-entry').count()).toBe(0);
  });

  it('shows an admin the audit trail: the decisions newest first with before and after in words, filters, and the CSV', async () => {
    const page = await session.open('/', { as: 'anna', viewport: WIDE });
    await page.getByTestId('nav-audit').click();
    const entries = page.getByTestId('audit-entry');
    await entries.first().waitFor();
    const actions = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    // Newest first: the script's accept, the admin making the script's token, Erik's field accept, Erik's rejection.
    expect(actions.slice(0, 4)).toEqual(['review.accept', 'token.create', 'review.accept', 'review.reject']);
    expect(await entries.nth(1).getByTestId('audit-target').innerText()).toBe('API-nøkkel «Kari Redaktør (skript)»');

    const rejection = page.locator('[data-testid="audit-entry"][data-action="review.reject"]').first();
    expect(await rejection.locator('.action').innerText()).toBe('Avviste en utledning');
    expect(await rejection.locator('.actor').innerText()).toBe('Erik Redaktør (innlogget)');
    await expect.poll(() => rejection.getByTestId('audit-target').innerText()).toBe('Økt digital kompetanse i offentlig sektor — bidrar til → God utdanning');
    const change = rejection.getByTestId('audit-change');
    await expect.poll(() => change.count()).toBe(1);
    expect(await change.locator('th').innerText()).toBe('Vurdering');
    expect(await change.locator('td.before').innerText()).toBe('Ikke vurdert');
    expect(await change.locator('td.after').innerText()).toBe('Avvist');
    expect(await rejection.getByTestId('audit-added').innerText()).toMatch(/Lagt til: Avviste – Erik Redaktør, .+\s+Rapporten sier ingenting om utdanning/);
    // No internal id or field name reaches the reader.
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(LINK);
    expect(text).not.toMatch(/review\.|events|before|after/);
    await expectNoAxeViolations(page, 'the audit view');
    await screenshot(page, 'audit-1440');

    // Only this target: the two decisions on the link, its name in the filter.
    await rejection.getByRole('button', { name: /Bare dette/ }).click();
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(2);
    expect(await page.getByTestId('audit-target-filter').innerText()).toContain('Økt digital kompetanse i offentlig sektor — bidrar til → God utdanning');
    await page.getByTestId('audit-target-filter').getByRole('button', { name: 'Vis alle' }).click();
    await page.getByTestId('audit-action').selectOption('review.reject');
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(1);

    // The CSV: the API's format=csv with the same filters, downloaded with the session cookie.
    const csv = page.getByTestId('audit-csv');
    const href = (await csv.getAttribute('href'))!;
    expect(new URL(href, session.url).searchParams.get('format')).toBe('csv');
    expect(new URL(href, session.url).searchParams.get('action')).toBe('review.reject');
    const download = page.waitForEvent('download');
    await csv.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('strategigraf-audit.csv');
    const body = await page.request.get(new URL(href, session.url).href);
    expect(body.headers()['content-type']).toMatch(/^text\/csv/);
    const rows = (await body.text()).trim().split(/\r?\n/);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('review.reject');
    expect(rows[1]).toContain('Erik Redaktør');
  });

  it('keeps the header, the review thread and the audit view usable 390 px wide', async () => {
    const page = await session.open(`/?node=${FOCUS_AREA}&rejected=1`, { as: 'anna', viewport: NARROW });
    await dismissStart(page);
    /** Elements that stick out to the right of the page, for the message when the page scrolls sideways. */
    const overflowing = () =>
      page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 0.5);
        return { by: document.documentElement.scrollWidth - width, what: wide.slice(-5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`) };
      });
    const noSideways = async (what: string) => {
      const found = await overflowing();
      expect(found.by, `${what} scrolls sideways; it sticks out: ${found.what.join(', ')}`).toBeLessThanOrEqual(0);
    };
    await noSideways('the header');
    await viewportShot(page, 'header-390');

    const link = relationship(page, LINK);
    await link.getByTestId('review-toggle').click();
    await link.getByTestId('review-form').waitFor();
    await link.getByTestId('review-thread').scrollIntoViewIfNeeded();
    await noSideways('explore with a review thread');
    await expectNoAxeViolations(page, 'explore at 390 px');
    await viewportShot(page, 'review-thread-390');

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-entry').first().waitFor();
    await noSideways('the audit view');
    await expectNoAxeViolations(page, 'the audit view at 390 px');
    await viewportShot(page, 'audit-390');
  });

  it('pages back through a long trail, filters by who did it, and speaks English', async () => {
    // Sixty comments by a script, so the trail is longer than a page (50).
    const made = await session.api('POST', '/api/tokens', { body: { name: 'Kommentarskript', role: 'editor', expiresInDays: 1 } });
    const { secret } = (await made.json()) as { secret: string };
    for (let i = 1; i <= 60; i++) {
      const res = await fetch(`${session.url}/api/reviews/${encodeURIComponent(`${FOCUS_AREA}.number`)}/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ note: `Kommentar ${i}` }),
      });
      expect(res.status).toBe(200);
    }
    const page = await session.open('/?view=audit', { as: 'anna' });
    const entries = page.getByTestId('audit-entry');
    await expect.poll(() => entries.count()).toBe(50);
    expect(await page.getByTestId('audit-count').innerText()).toBe('50 oppføringer vist');
    // Page back to the start (the follow-up's own records, written when the server reconciled the data, are in the trail too).
    for (let pages = 1; pages < 20 && (await page.getByTestId('audit-more').count()) > 0; pages++) {
      const before = await entries.count();
      await page.getByTestId('audit-more').click();
      await expect.poll(() => entries.count()).toBeGreaterThan(before);
    }
    const seqs = await entries.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(seqs.length);
    await page.getByText('Det finnes ingen eldre oppføringer.').waitFor();
    expect(await page.getByTestId('audit-more').count()).toBe(0);

    // Who did it: Erik's two decisions only.
    await page.getByTestId('audit-actor').selectOption({ label: 'Erik Redaktør (innlogget)' });
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['review.accept', 'review.reject']);

    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Audit trail');
    const rejection = page.locator('[data-testid="audit-entry"][data-action="review.reject"]');
    expect(await rejection.locator('.action').innerText()).toBe('Rejected an inference');
    expect(await rejection.getByTestId('audit-change').innerText()).toMatch(/Review\s+Not reviewed\s+Rejected/);
    await expectNoAxeViolations(page, 'the audit view in English');
  });
});
