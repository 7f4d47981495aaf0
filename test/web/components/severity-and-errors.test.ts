// Components with logic of their own, rendered on the server (svelte/server): what a reader and a screen reader get.
import { render } from 'svelte/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../web/src/api/client.js';
import ErrorNotice from '../../../web/src/components/ErrorNotice.svelte';
import GapSeverity from '../../../web/src/components/GapSeverity.svelte';
import { i18n } from '../../../web/src/i18n/i18n.svelte.js';

const text = (html: string) =>
  html
    .replace(/<span[^>]*aria-hidden="true"[^>]*>.*?<\/span>/g, ' ')
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

afterEach(() => {
  i18n.lang = 'nb';
});

describe('GapSeverity', () => {
  it.each([
    ['high', '▲', 'Høy', 'High'],
    ['medium', '◆', 'Middels', 'Medium'],
    ['low', '●', 'Lav', 'Low'],
  ])('names %s in words and by a shape of its own, never by colour alone', (severity, icon, nb, en) => {
    const { body } = render(GapSeverity, { props: { severity, count: 3 } });
    // What a screen reader says (the shape is aria-hidden), and the shape that sighted readers see beside the word.
    expect(text(body)).toBe(`Alvorlighet: ${nb} (3)`);
    expect(body).toContain(`aria-hidden="true">${icon}</span>`);
    expect(body).toContain(`class="severity severity-${severity}`);
    i18n.lang = 'en';
    expect(text(render(GapSeverity, { props: { severity } }).body)).toBe(`Severity: ${en}`);
  });

  it('keeps an unknown severity readable rather than blank', () => {
    const { body } = render(GapSeverity, { props: { severity: 'urgent' } });
    expect(text(body)).toBe('Alvorlighet: urgent');
    expect(body).toContain('aria-hidden="true">■</span>');
  });
});

describe('ErrorNotice', () => {
  it('says the store is down in its own words, and offers a retry', () => {
    const { body } = render(ErrorNotice, {
      props: { error: new ApiFailure(503, 'store_unavailable', 'the ladybug store is unavailable: /var/lib/x'), onRetry: () => undefined },
    });
    expect(body).toContain('role="alert"');
    expect(text(body)).toBe(`${i18n.t('app.storeDown')} ${i18n.t('app.retry')}`);
    expect(body).not.toContain('/var/lib/x');
  });

  it("says any other failure in the reader's language, with the server's English words under a labelled technical detail", () => {
    const message = 'the clause LOAD at line 1, column 1 is not allowed';
    const { body } = render(ErrorNotice, { props: { error: new ApiFailure(400, 'query_invalid', message), onRetry: () => undefined } });
    const sentence = body.match(/data-testid="error-sentence">([^<]*)</)?.[1];
    expect(sentence).toBe('Spørringen er ikke gyldig Cypher.');
    // The server's message is there for analysts, quoted and marked as English, inside the closed disclosure.
    expect(body).toMatch(/<details class="technical[^"]*" data-testid="error-technical">/);
    expect(body).toMatch(new RegExp(`<p lang="en" class="server-message[^"]*">«${message}»</p>`));
    expect(text(body)).toContain('Teknisk detalj HTTP-status 400 Feilkode query_invalid');
    i18n.lang = 'en';
    const en = render(ErrorNotice, { props: { error: new ApiFailure(400, 'query_invalid', message), onRetry: () => undefined } }).body;
    expect(en).toContain('data-testid="error-sentence">The query is not valid Cypher.<');
    expect(text(en)).toContain('Technical detail HTTP status 400 Error code query_invalid');
  });
});
