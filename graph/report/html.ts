// The coverage report as one self-contained HTML page that reads on screen and prints cleanly on A4.
import type { GapSeverity } from '../schema/analysis.js';
import type { FindingView, MatrixView, ReportModel, SourceLine } from './model.js';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CSS = `
:root { --ink: #1d2430; --muted: #5b6472; --line: #d5d9e0; --soft: #f3f5f8; --high: #b42318; --medium: #b54708; --low: #3e6fb0; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 3rem; color: var(--ink); background: #fff;
  font: 15px/1.5 "Source Sans 3", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { border-bottom: 3px solid var(--accent); padding-bottom: .75rem; margin-bottom: 1.25rem; }
h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 .25rem; color: var(--accent); }
h2 { font-size: 1.35em; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); color: var(--accent); }
h3 { font-size: 1.12em; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1em; margin: 1.1rem 0 .2rem; }
p { margin: .4rem 0; }
.subtitle { margin: 0; color: var(--muted); font-size: 1.05em; }
.meta { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: .6rem 0 0; padding: 0; list-style: none; color: var(--muted); font-size: .9em; }
.meta strong { color: var(--ink); font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .9em; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; vertical-align: top; text-align: left; }
thead th { background: var(--soft); font-weight: 600; }
table.summary th { width: 42%; font-weight: 600; background: var(--soft); }
table.matrix { width: auto; min-width: 50%; }
table.matrix tbody th { min-width: 11em; font-weight: 600; }
table.matrix td.n, table.matrix th.n { text-align: center; min-width: 1.9em; font-variant-numeric: tabular-nums; }
table.matrix td.empty { color: #a0a7b3; }
table.matrix td.hit { background: #e7eef7; font-weight: 600; }
table.matrix td.hit.inferred { background: #fff4e5; font-weight: 600; font-style: italic; }
table.matrix tr.zero th { color: var(--high); }
table.matrix tfoot td, table.matrix tfoot th, table.matrix td.sum { background: var(--soft); font-weight: 600; }
table.rules td.count { text-align: right; font-variant-numeric: tabular-nums; }
.intro { color: var(--muted); font-size: .92em; }
.severity { margin-top: 1.5rem; }
.severity-heading { display: inline-block; padding: .1em .7em; border-radius: .3em; color: #fff; }
.severity.high .severity-heading { background: var(--high); } .severity.medium .severity-heading { background: var(--medium); } .severity.low .severity-heading { background: var(--low); }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: .7rem; color: #fff; font-size: .78em; font-weight: 600; letter-spacing: .02em; vertical-align: .1em; }
.badge.high { background: var(--high); } .badge.medium { background: var(--medium); } .badge.low { background: var(--low); }
.rule { border-left: 4px solid var(--line); padding: .1rem 0 .2rem .9rem; margin: 1rem 0 1.2rem; }
.rule.high { border-color: var(--high); } .rule.medium { border-color: var(--medium); } .rule.low { border-color: var(--low); }
.explanation { color: var(--muted); font-size: .88em; margin: .1rem 0 .5rem; }
ol.findings { margin: .3rem 0 0; padding-left: 1.4rem; }
ol.findings > li { margin: 0 0 .65rem; padding-left: .15rem; }
.message { margin: 0; }
.basis { display: inline-block; padding: 0 .4rem; margin-right: .2rem; border: 1px dashed var(--medium); border-radius: .25rem; color: var(--medium); font-size: .78em; font-weight: 600; }
.basis.inferred { border-style: solid; }
ul.sources { list-style: none; margin: .25rem 0 0; padding: 0; }
ul.sources li { margin: .15rem 0; padding: .2rem .55rem; border-left: 2px solid var(--line); background: var(--soft); font-size: .84em; }
ul.sources q { font-style: italic; quotes: "«" "»"; }
ul.sources .inferred { color: var(--medium); font-style: italic; }
ul.sources .where { color: var(--muted); white-space: nowrap; }
ul.sources .about { color: var(--muted); }
ul.sources li.more { background: none; border: 0; color: var(--muted); font-style: italic; }
.matrix-block { margin: 1.2rem 0 1.6rem; }
.path { color: var(--muted); font-size: .85em; margin: 0 0 .3rem; }
.notes { margin: .3rem 0 0; padding-left: 1.2rem; color: var(--muted); font-size: .85em; }
.legend { color: var(--muted); font-size: .82em; margin: .3rem 0 0; }
.legend span { white-space: nowrap; margin-right: .9rem; }
.legend b { color: var(--ink); }
ul.followup { list-style: none; margin: .3rem 0 .8rem; padding: 0; }
ul.followup li { margin: 0 0 .45rem; padding-left: .2rem; }
.followup-details { color: var(--muted); font-size: .88em; }
footer { margin-top: 2.5rem; padding-top: .6rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .8em; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.4; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1 { font-size: 18pt; } h2 { font-size: 13.5pt; margin-top: 14pt; } h3 { font-size: 11.5pt; } h4 { font-size: 10pt; }
  h1, h2, h3, h4, .path, .explanation { break-after: avoid; page-break-after: avoid; }
  h2 { break-before: auto; }
  section.matrices { break-before: page; page-break-before: always; }
  tr, li, .sources li, .legend, .notes li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; } tfoot { display: table-footer-group; }
  .matrix-block, table.rules { break-inside: avoid; page-break-inside: avoid; }
  .rule > h4 + .explanation + ol > li:first-child { break-before: avoid; }
  table { font-size: 8.5pt; } ul.sources li { font-size: 8.3pt; }
  a { color: inherit; text-decoration: none; }
}
`;

function sourceItem(line: SourceLine, m: ReportModel): string {
  const where = [line.source, line.page !== null ? m.s.page(line.page) : ''].filter(Boolean).join(', ');
  const mark = line.otherLanguage ? ` <span class="other-language">(${esc(m.s.otherLanguage)})</span>` : '';
  const text = (line.isNote ? `<i>${esc(line.text)}</i>` : `<q>${esc(line.text)}</q>`) + mark;
  const tag = line.inferred ? ` <span class="inferred">(${esc(m.s.inferred)})</span>` : '';
  return `<li>${text} <span class="about">— ${esc(line.about)}</span>${tag}${where ? ` <span class="where">(${esc(where)})</span>` : ''}</li>`;
}

function findingItem(f: FindingView, m: ReportModel): string {
  const sources = f.sources.map((l) => sourceItem(l, m));
  if (f.moreSources > 0) sources.push(`<li class="more">${esc(m.s.moreEvidence(f.moreSources))}</li>`);
  const basis = f.basisLabel ? `<span class="basis ${f.basis}">${esc(f.basisLabel)}</span> ` : '';
  return `<li><p class="message">${basis}${esc(f.message)}</p>${sources.length ? `<ul class="sources" aria-label="${esc(m.s.sources)}">${sources.join('')}</ul>` : ''}</li>`;
}

function badge(severity: GapSeverity, m: ReportModel): string {
  return `<span class="badge ${severity}">${esc(m.s.severity[severity])}</span>`;
}

function matrixBlock(view: MatrixView, m: ReportModel): string {
  const head = view.colHeaders.map((h) => `<th class="n" scope="col" title="${esc(h.title)}">${esc(h.label)}</th>`).join('');
  const body = view.rows
    .map((row) => {
      const cells = row.cells
        .map((c) =>
          c ? `<td class="n hit${c.inferred ? ' inferred' : ''}">${c.count}${c.inferred ? '*' : ''}</td>` : `<td class="n empty">${esc(m.s.noLink)}</td>`,
        )
        .join('');
      return `<tr${row.total === 0 ? ' class="zero"' : ''}><th scope="row">${esc(row.label)}</th>${cells}<td class="n sum">${row.total || esc(m.s.noLink)}</td></tr>`;
    })
    .join('\n');
  const foot = `<tr><th scope="row">${esc(m.s.total)}</th>${view.colTotals.map((n) => `<td class="n">${n}</td>`).join('')}<td class="n">${view.total}</td></tr>`;
  const legend = view.legend.length
    ? `<p class="legend">${esc(m.s.legend)}: ${view.legend.map((l) => `<span><b>${esc(l.label)}</b> ${esc(l.name)}</span>`).join(' ')}</p>`
    : '';
  const notes = [...view.notes];
  if (view.rows.some((r) => r.cells.some((c) => c?.inferred))) notes.push(m.s.inferredMark);
  return `<div class="matrix-block" id="matrix-${esc(view.id)}">
<h3>${esc(view.title)}</h3>
<p class="path">${esc(m.s.path)}: ${esc(view.path)}</p>
<table class="matrix">
<thead><tr><th scope="col">${esc(view.corner)}</th>${head}<th class="n" scope="col">${esc(m.s.total)}</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot>${foot}</tfoot>
</table>
${legend}
<ul class="notes">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
</div>`;
}

function followUpSection(m: ReportModel): string {
  if (!m.followUp) return '';
  const groups = m.followUp.groups
    .map(
      (group) => `<div class="followup-group" id="followup-${group.id}">
<h3>${esc(group.heading)}</h3>
${
  group.items.length === 0
    ? `<p>${esc(m.s.followUpNone)}</p>`
    : `<ul class="followup">
${group.items
  .map(
    (item) =>
      `<li>${badge(item.severity, m)} <strong>${esc(item.subject)}</strong>: ${esc(item.message)} <span class="followup-details">(${esc(item.details.join(' · '))})</span></li>`,
  )
  .join('\n')}
</ul>`
}
</div>`,
    )
    .join('\n');
  return `<section class="followup">
<h2>${esc(m.followUp.heading)}</h2>
<p class="intro">${esc(m.followUp.intro)}</p>
${groups}
</section>
`;
}

export function writeHtml(m: ReportModel): string {
  const { s } = m;
  const summary = m.summary.map((row) => `<tr><th scope="row">${esc(row.label)}</th><td>${esc(row.value)}</td></tr>`).join('\n');
  const severities = m.severities
    .filter((sev) => sev.count > 0)
    .map(
      (sev) => `<section class="severity ${sev.severity}">
<h3 class="severity-heading">${esc(sev.heading)}</h3>
${sev.rules
  .map(
    (rule) => `<div class="rule ${sev.severity}" id="rule-${esc(rule.id)}">
<h4>${esc(rule.title)} <small>(${esc(s.findingCount(rule.findings.length))})</small></h4>
<p class="explanation">${esc(rule.explanation)}</p>
<ol class="findings">
${rule.findings.map((f) => findingItem(f, m)).join('\n')}
</ol>
</div>`,
  )
  .join('\n')}
</section>`,
    )
    .join('\n');
  const rules = m.rules
    .map((r) => `<tr><td>${esc(r.title)} <code>${esc(r.id)}</code></td><td>${badge(r.level, m)}</td><td class="count">${r.count}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="${m.lang === 'nb' ? 'nb' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Strategigraf">
<meta name="dataset-version" content="${esc(m.dataset.version)}">
<meta name="generated" content="${esc(m.generatedIso)}">
<title>${esc(s.title)} – ${esc(m.dataset.name)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(s.title)}</h1>
<p class="subtitle">${esc(s.subtitle)}</p>
<ul class="meta">
<li><strong>${esc(s.dataset)}:</strong> ${esc(m.dataset.name)}, ${esc(s.version)} ${esc(m.dataset.version)}</li>
<li><strong>${esc(s.generated)}:</strong> <time datetime="${esc(m.generatedIso)}">${esc(m.generated)}</time></li>
<li><strong>${esc(s.latestReport)}:</strong> ${esc(m.latestReport ?? s.noReport)}</li>
${m.asOf !== null ? `<li data-as-of="${m.asOf}"><strong>${esc(s.asOf)}:</strong> ${m.asOf}</li>\n` : ''}</ul>
</header>
<main>
<section class="summary">
<h2>${esc(s.summary)}</h2>
<table class="summary">
<tbody>
${summary}
</tbody>
</table>
</section>
${followUpSection(m)}<section class="gaps">
<h2>${esc(s.gaps)}</h2>
<p class="intro">${esc(s.gapsIntro)}</p>
${severities || `<p>${esc(s.noFindings)}</p>`}
</section>
<section class="matrices">
<h2>${esc(s.matrices)}</h2>
<p class="intro">${esc(s.matricesIntro)}</p>
${m.matrices.map((v) => matrixBlock(v, m)).join('\n')}
</section>
<section class="rules">
<h2>${esc(s.rules)}</h2>
<p class="intro">${esc(s.rulesIntro)}</p>
<table class="rules">
<thead><tr><th scope="col">${esc(s.rule)}</th><th scope="col">${esc(s.severityColumn)}</th><th scope="col">${esc(s.count)}</th></tr></thead>
<tbody>
${rules}
</tbody>
</table>
</section>
</main>
<footer>${esc(s.footer)} ${esc(s.generated)} ${esc(m.generated)}.</footer>
</body>
</html>
`;
}
