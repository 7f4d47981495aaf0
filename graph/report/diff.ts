// The diff between two years as a meeting-ready document: a summary, then each kind of change with the sources on both
// sides, as markdown or as one self-contained HTML page. Norwegian bokmål unless `lang: 'en'`.
import { PROGRESS_LABELS } from '../ontology.js';
import type { Language, NodeRef } from '../schema/analysis.js';
import type { SourceRef, StatusPoint, YearDiff } from '../schema/time.js';
import { esc } from './html.js';
import { inline } from './markdown.js';

export const DIFF_FORMATS = ['md', 'html', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffDocumentOptions {
  format: DiffFormat;
  lang?: Language;
  dataset: { name: string; version: string };
  generatedAt: Date;
}

interface Section {
  title: string;
  items: string[];
}

const WORDS = {
  nb: {
    title: (d: YearDiff) => `Endringer ${d.from}–${d.to}`,
    subtitle: 'Hva som har flyttet seg i handlingsplanen for «Én digital offentlig sektor» – til Skate-møtet',
    dataset: 'Datasett',
    version: 'versjon',
    generated: 'Generert',
    years: 'År med kilder',
    summary: 'Sammendrag',
    slipped: 'Status gått tilbake',
    improved: 'Status forbedret',
    unchanged: 'Status uendret',
    notComparable: 'Status som ikke kan sammenlignes (ingen før, eller «pågår» mot et tempo)',
    appeared: 'Nye i perioden',
    completed: 'Fullført eller i drift',
    owners: 'Endret ansvar',
    opened: 'Nye funn',
    closed: 'Lukkede funn',
    indicators: 'Indikatorer',
    none: 'Ingen.',
    noStatus: 'ingen status',
    added: 'ny',
    removed: 'ikke lenger',
    endedBy: 'avsluttet ifølge',
    roles: { RESPONSIBLE_FOR: 'ansvarlig departement', LEADS: 'utførende' },
    moves: { improved: 'bedre', worsened: 'dårligere', unchanged: 'uendret', moved: 'endret', first: 'første måling' },
    count: 'Antall',
    date: (d: Date) => d.toLocaleDateString('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  },
  en: {
    title: (d: YearDiff) => `Changes ${d.from}–${d.to}`,
    subtitle: 'What moved in the action plan of «Én digital offentlig sektor» – for the Skate meeting',
    dataset: 'Dataset',
    version: 'version',
    generated: 'Generated',
    years: 'Years with sources',
    summary: 'Summary',
    slipped: 'Status slipped',
    improved: 'Status improved',
    unchanged: 'Status unchanged',
    notComparable: 'Status that cannot be compared (none before, or «in progress» against a pace)',
    appeared: 'New in the period',
    completed: 'Completed or in operation',
    owners: 'Changed responsibility',
    opened: 'Findings opened',
    closed: 'Findings closed',
    indicators: 'Indicators',
    none: 'None.',
    noStatus: 'no status',
    added: 'new',
    removed: 'no longer',
    endedBy: 'ended according to',
    roles: { RESPONSIBLE_FOR: 'responsible ministry', LEADS: 'executing agency' },
    moves: { improved: 'better', worsened: 'worse', unchanged: 'unchanged', moved: 'changed', first: 'first measurement' },
    count: 'Count',
    date: (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  },
} as const;

const named = (ref: NodeRef, lang: Language) => `«${lang === 'en' ? (ref.nameEn ?? ref.name) : ref.name}»`;
const sourceName = (s: SourceRef, lang: Language) => (lang === 'en' ? (s.nameEn ?? s.name) : s.name);

function status(p: StatusPoint, lang: Language): string {
  const word = p.label !== null ? `«${p.label}»` : PROGRESS_LABELS[p.progress][lang].toLowerCase();
  return `${word} (${p.year}, ${sourceName(p.source, lang)})`;
}

function sections(d: YearDiff, lang: Language): Section[] {
  const w = WORDS[lang];
  const byDirection = (dir: string) =>
    d.statusChanges
      .filter((c) => c.direction === dir)
      .map((c) => `${named(c.subject, lang)}: ${c.before ? status(c.before, lang) : w.noStatus} → ${status(c.after, lang)}`);
  return [
    { title: w.slipped, items: byDirection('slipped') },
    { title: w.improved, items: byDirection('improved') },
    { title: w.unchanged, items: byDirection('unchanged') },
    { title: w.notComparable, items: byDirection('not_comparable') },
    { title: w.appeared, items: d.appeared.map((n) => `${named(n, lang)} (${sourceName(n.source, lang)})`) },
    { title: w.completed, items: d.completed.map((n) => named(n, lang)) },
    {
      title: w.owners,
      items: d.ownerChanges.map((c) => {
        const parts = [
          ...c.added.map((l) => `${w.added}: ${named(l.other, lang)} (${sourceName(l.source, lang)})`),
          ...c.removed.map((l) => `${w.removed}: ${named(l.other, lang)}${l.endedBy ? ` (${w.endedBy} ${sourceName(l.endedBy, lang)})` : ''}`),
        ];
        return `${named(c.subject, lang)}, ${w.roles[c.role]}: ${parts.join('; ')}`;
      }),
    },
    { title: w.opened, items: d.findingsOpened.map((f) => f.message[lang]) },
    { title: w.closed, items: d.findingsClosed.map((f) => f.message[lang]) },
    {
      title: w.indicators,
      items: d.indicators.map((i) => {
        const value = (v: NonNullable<(typeof i)['before']>) => `${v.label ?? String(v.value)} (${v.year}, ${sourceName(v.source, lang)})`;
        return `${named(i.indicator, lang)}: ${i.before ? `${value(i.before)} → ` : ''}${value(i.after)} — ${w.moves[i.direction]}`;
      }),
    },
  ];
}

export function renderDiff(diff: YearDiff, options: DiffDocumentOptions): string {
  if (options.format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  const lang = options.lang ?? 'nb';
  const w = WORDS[lang];
  const parts = sections(diff, lang);
  const meta = [
    `${w.dataset}: ${options.dataset.name}, ${w.version} ${options.dataset.version}`,
    `${w.generated}: ${w.date(options.generatedAt)}`,
    `${w.years}: ${diff.years.join(', ')}`,
  ];
  return options.format === 'html' ? html(diff, w.title(diff), w.subtitle, meta, parts, w, lang) : markdown(w.title(diff), w.subtitle, meta, parts, w);
}

type Words = (typeof WORDS)[Language];

function markdown(title: string, subtitle: string, meta: string[], parts: Section[], w: Words): string {
  const out = [
    `# ${inline(title)}`,
    '',
    `_${inline(subtitle)}_`,
    '',
    meta.map(inline).join(' · '),
    '',
    `## ${w.summary}`,
    '',
    `| | ${w.count} |`,
    '| --- | ---: |',
  ];
  for (const part of parts) out.push(`| ${inline(part.title)} | ${part.items.length} |`);
  out.push('');
  for (const part of parts) {
    out.push(`## ${inline(part.title)} (${part.items.length})`, '');
    out.push(...(part.items.length > 0 ? part.items.map((i) => `- ${inline(i)}`) : [w.none]), '');
  }
  return out.join('\n');
}

function html(diff: YearDiff, title: string, subtitle: string, meta: string[], parts: Section[], w: Words, lang: Language): string {
  const body = parts
    .map(
      (p) =>
        `<section><h2>${esc(p.title)} (${p.items.length})</h2>${p.items.length > 0 ? `<ul>${p.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : `<p>${esc(w.none)}</p>`}</section>`,
    )
    .join('\n');
  const summary = parts.map((p) => `<tr><th scope="row">${esc(p.title)}</th><td>${p.items.length}</td></tr>`).join('');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; color: #1d2430; font: 15px/1.5 "Segoe UI", Roboto, Arial, sans-serif; }
h1 { color: #1f4e79; margin: 0 0 .25rem; } h2 { color: #1f4e79; border-bottom: 1px solid #d5d9e0; font-size: 1.2em; margin-top: 1.6rem; }
.subtitle, .meta { color: #5b6472; } table { border-collapse: collapse; } th, td { border: 1px solid #d5d9e0; padding: .25rem .5rem; text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; } li { margin: .2rem 0; }
@media print { body { padding: 0; max-width: none; } section { break-inside: avoid-page; } @page { size: A4; margin: 18mm; } }
</style></head>
<body data-from="${diff.from}" data-to="${diff.to}">
<header><h1>${esc(title)}</h1><p class="subtitle">${esc(subtitle)}</p><p class="meta">${meta.map(esc).join(' · ')}</p></header>
<main><h2>${esc(w.summary)}</h2><table><tbody>${summary}</tbody></table>
${body}
</main></body></html>
`;
}
