// Issue 14, finding 7 ("two languages mixed, internal ids shown") in a real Chromium: the details panel shows no node
// id, no source id and no raw field name for nodes of several kinds; an inferred link's analyst note is shown in the
// reader's language, and where the dataset has it only in the other language, that one with a visible mark.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../graph/schema/dataset.js';
import { useBrowserSession } from './session.js';
import { seedDataset } from './support.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

/** The seeds, with one note left only in English (KMD leads the AI strategy) and one only in bokmål (DFØ leads StartOFF). */
async function seedsWithOneLanguageNotes(): Promise<Dataset> {
  const dataset = structuredClone(await seedDataset());
  const link = (from: string, to: string) => {
    const found = dataset.relationships.find((r) => r.type === 'LEADS' && r.from === from && r.to === to);
    if (!found?.note || !found.noteNb) throw new Error(`the seeds no longer have ${from} LEADS ${to} with both notes`);
    return found;
  };
  delete link('kmd', 'ki-strategi').noteNb;
  delete link('dfo', 'startoff').note;
  return dataset;
}

describe.runIf(enabled)('words, not ids, in the details panel', { timeout: 60_000 }, () => {
  const browser = useBrowserSession({ dataset: seedsWithOneLanguageNotes });

  async function details(path: string): Promise<Page> {
    const page = await browser.open(path);
    await page.getByTestId('node-facts').waitFor();
    return page;
  }
  /** What a reader sees of the panel: its rendered text (a closed fold's content is not rendered). */
  const panelText = (page: Page) => page.getByTestId('details-panel').evaluate((el) => (el as HTMLElement).innerText);

  it.each([
    ['an initiative', 'livshendelsesprosjekt-alvorlig-sykt-barn'],
    ['a status report with every answer missing', 'status-prinsipper-for-kostnadsdeling-2020'],
    ['an agency attested by a later source', 'statsforvalteren-vestfold-og-telemark'],
    ['an indicator', 'indikator-id-porten-trafikk'],
  ])('shows %s without its id, source ids or field names', async (_what, id) => {
    const page = await details(`/?view=explore&node=${id}`);
    const panel = page.getByTestId('details-panel');
    expect(await panel.locator('code').count()).toBe(0);
    // Source names arrive after the panel: poll until no source id is left in the text.
    const sourceIds = ['erfaringsrapport-2020', 'ref-livshendelser', 'ref-oppfolging', 'riksrevisjonen-2024'];
    await expect
      .poll(async () => {
        const shown = await panelText(page);
        return sourceIds.filter((s) => shown.includes(s));
      })
      .toEqual([]);
    await expect.poll(async () => (await panelText(page)).match(/\b[a-z]+(?:-[a-z0-9]+){2,}\b/g) ?? []).toEqual([]);
    const text = await panelText(page);
    expect(text).not.toContain(id);
    for (const field of ['successFactors', 'nextTasks', 'statusNote', 'noteNb']) expect(text).not.toContain(field);
    // The id is still there for analysts, labelled, in a fold.
    const fold = page.getByTestId('api-id');
    expect(await fold.locator('summary').textContent()).toBe('ID for API-et');
    await fold.locator('summary').click();
    expect(await fold.textContent()).toContain(id);
  });

  it("names a status report's missing answers in words", async () => {
    const page = await details('/?view=explore&node=status-prinsipper-for-kostnadsdeling-2020');
    const warning = page.getByTestId('details-panel').locator('.warning');
    expect(await warning.textContent()).toBe('Ufullstendig: mangler respondent, suksessfaktorer, utfordringer, læringspunkter, neste års oppgaver');
  });

  const noteOf = (page: Page, from: string, to: string) =>
    page.locator(`[data-testid="relationship"][data-edge="${from}:LEADS:${to}"]`).getByTestId('analyst-note');

  it('shows the bokmål note in bokmål and the English one in English', async () => {
    const nb = await details('/?view=explore&node=livshendelsesprosjekt-alvorlig-sykt-barn');
    const nbNote = noteOf(nb, 'helsedirektoratet', 'livshendelsesprosjekt-alvorlig-sykt-barn');
    await expect.poll(() => nbNote.textContent()).toMatch(/^\s*Begrunnelse:\s+Respondentlinjen: respondenten, som også er den rapporten siterer/);
    expect(await nbNote.locator('span[lang="nb"]').count()).toBe(1);
    expect(await nbNote.getByTestId('note-other-language').count()).toBe(0);

    const en = await details('/?view=explore&node=livshendelsesprosjekt-alvorlig-sykt-barn&lang=en');
    const enNote = noteOf(en, 'helsedirektoratet', 'livshendelsesprosjekt-alvorlig-sykt-barn');
    await expect.poll(() => enNote.textContent()).toMatch(/^\s*Rationale:\s+Respondent line: the respondent, also the person/);
    expect(await enNote.locator('span[lang="en"]').count()).toBe(1);
    expect(await enNote.getByTestId('note-other-language').count()).toBe(0);
  });

  it('falls back visibly to the other language when a note is missing in the reader’s', async () => {
    const nb = await details('/?view=explore&node=ki-strategi');
    const englishOnly = noteOf(nb, 'kmd', 'ki-strategi');
    await englishOnly.waitFor();
    expect(await englishOnly.locator('span[lang="en"]').textContent()).toMatch(/^The footnote gives the strategy's author/);
    expect(await englishOnly.getByTestId('note-other-language').textContent()).toBe('(kun på engelsk)');
    expect(await englishOnly.getByTestId('note-other-language').isVisible()).toBe(true);

    const en = await details('/?view=explore&node=startoff&lang=en');
    const bokmalOnly = noteOf(en, 'dfo', 'startoff');
    await bokmalOnly.waitFor();
    expect(await bokmalOnly.locator('span[lang="nb"]').textContent()).toMatch(/^Respondentlinjen; respondenten er i DFØ/);
    expect(await bokmalOnly.getByTestId('note-other-language').textContent()).toBe('(Norwegian only)');
  });
});
