// The two message catalogues of the web UI agree: the same keys, no empty text, the same {placeholders} per key.
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.js';
import { nb } from '../../web/src/i18n/nb.js';

const catalogues = { nb: nb as Record<string, string>, en: en as Record<string, string> };
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)[}|]/g)].map((m) => m[1]!))].sort();

describe('web UI messages', () => {
  it('nb and en have exactly the same keys', () => {
    const nbKeys = Object.keys(nb).sort();
    const enKeys = Object.keys(en).sort();
    expect(
      enKeys.filter((k) => !nbKeys.includes(k)),
      'keys only in en',
    ).toEqual([]);
    expect(
      nbKeys.filter((k) => !enKeys.includes(k)),
      'keys only in nb',
    ).toEqual([]);
    expect(nbKeys.length).toBeGreaterThan(50);
  });

  it('has no empty or whitespace-only messages', () => {
    for (const [lang, messages] of Object.entries(catalogues)) {
      const empty = Object.entries(messages)
        .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
        .map(([k]) => k);
      expect(empty, `empty messages in ${lang}`).toEqual([]);
    }
  });

  it('uses the same {placeholders} for each key in both languages', () => {
    const mismatched = Object.keys(nb)
      .filter((key) => JSON.stringify(placeholders(catalogues.nb[key]!)) !== JSON.stringify(placeholders(catalogues.en[key] ?? '')))
      .map((key) => `${key}: nb {${placeholders(catalogues.nb[key]!).join(',')}} vs en {${placeholders(catalogues.en[key] ?? '').join(',')}}`);
    expect(mismatched).toEqual([]);
  });

  it('has no unbalanced or malformed braces that the {name} and {name|one|other} substitutions would leave in the text', () => {
    for (const [lang, messages] of Object.entries(catalogues)) {
      const bad = Object.entries(messages)
        .filter(([, text]) =>
          text
            .replace(/\{\w+\|[^|{}]*\|[^|{}]*\}/g, '')
            .replace(/\{\w+\}/g, '')
            .match(/[{}]/),
        )
        .map(([k, text]) => `${k}: ${text}`);
      expect(bad, `stray braces in ${lang}`).toEqual([]);
    }
  });

  it('translates: the English text differs from the Norwegian except for names and symbols', () => {
    // Identical text is allowed only for the product name and words both languages share; add a key here when a
    // new message is rightly the same in both.
    const allowed = new Set([
      'app.title',
      'table.status' /* Status */,
      'query.label' /* Cypher */,
      'csv.standard' /* CSV */,
      'csv.excel' /* CSV for Excel */,
      'start.who.skate' /* For Skate */,
      'figure.title' /* Strategigraf – {focus} */,
      'session.role.admin' /* administrator */,
      'audit.field.status' /* Status */,
      // Only placeholders and punctuation: "{name}, {date}", "{name} ({via})", "{from} — {relation} → {to}".
      'review.eventBy',
      'audit.actorVia',
      'audit.target.link',
      'gaps.filterPart',
      'event.change',
      // A group's label and its name range: "{kind} {range}({count})", "{first}–{last} ".
      'explore.group',
      'explore.groupRange',
    ]);
    const same = Object.keys(nb).filter((k) => !allowed.has(k) && catalogues.nb[k] === catalogues.en[k] && /[a-zæøå]{4,}/i.test(catalogues.nb[k]!));
    expect(same).toEqual([]);
  });
});
