// The coverage report as GitHub-flavoured markdown.
import type { FindingView, MatrixView, ReportModel, SourceLine } from './model.js';

/** Text inside a table cell or list item: no line breaks, no table pipes, no stray HTML. */
export function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/([*_`[\]])/g, '\\$1')
    .trim();
}

function source(line: SourceLine, m: ReportModel): string {
  const where = [line.source, line.page !== null ? m.s.page(line.page) : ''].filter(Boolean).join(', ');
  const mark = line.otherLanguage ? ` (${m.s.otherLanguage})` : '';
  const text = (line.isNote ? `_${inline(line.text)}_` : `«${inline(line.text)}»`) + mark;
  return `${text} — ${inline(line.about)}${line.inferred ? ` (${m.s.inferred})` : ''}${where ? ` (${inline(where)})` : ''}`;
}

function finding(f: FindingView, m: ReportModel): string[] {
  const out = [`- ${f.basisLabel ? `**${inline(f.basisLabel)}:** ` : ''}${inline(f.message)}`];
  for (const line of f.sources) out.push(`  - ${source(line, m)}`);
  if (f.moreSources > 0) out.push(`  - _${m.s.moreEvidence(f.moreSources)}_`);
  return out;
}

function matrix(view: MatrixView, m: ReportModel): string[] {
  const header = [inline(view.corner), ...view.colHeaders.map((h) => inline(h.label)), m.s.total];
  const out = [
    `### ${inline(view.title)}`,
    '',
    `${m.s.path}: ${inline(view.path)}`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
  ];
  for (const row of view.rows) {
    const cells = row.cells.map((c) => (c ? `${c.count}${c.inferred ? '\\*' : ''}` : m.s.noLink));
    out.push(`| ${[inline(row.label), ...cells, row.total ? String(row.total) : m.s.noLink].join(' | ')} |`);
  }
  out.push(`| **${m.s.total}** | ${[...view.colTotals.map(String), `**${view.total}**`].join(' | ')} |`);
  out.push('');
  if (view.legend.length > 0) out.push(`${m.s.legend}: ${view.legend.map((l) => `${l.label} ${inline(l.name)}`).join(' · ')}`, '');
  for (const note of view.notes) out.push(`- ${note}`);
  if (view.rows.some((r) => r.cells.some((c) => c?.inferred))) out.push(`- ${m.s.inferredMark.replace('*', '\\*')}`);
  out.push('');
  return out;
}

function followUp(m: ReportModel): string[] {
  if (!m.followUp) return [];
  const out = [`## ${inline(m.followUp.heading)}`, '', m.followUp.intro, ''];
  for (const group of m.followUp.groups) {
    out.push(`### ${inline(group.heading)}`, '');
    if (group.items.length === 0) out.push(m.s.followUpNone);
    for (const item of group.items) {
      out.push(`- **${inline(item.subject)}** (${m.s.severity[item.severity].toLowerCase()}): ${inline(item.message)} _(${inline(item.details.join(' · '))})_`);
    }
    out.push('');
  }
  return out;
}

export function writeMarkdown(m: ReportModel): string {
  const { s } = m;
  const out: string[] = [
    `# ${s.title}: ${inline(m.dataset.name)}`,
    '',
    `_${s.subtitle}_`,
    '',
    `${s.dataset}: ${inline(m.dataset.name)}, ${s.version} ${inline(m.dataset.version)} · ${s.generated}: ${m.generated} · ${s.latestReport}: ${inline(m.latestReport ?? s.noReport)}${m.asOf !== null ? ` · ${s.asOf}: ${m.asOf}` : ''}`,
    '',
    `## ${s.summary}`,
    '',
    `| ${s.figure} | ${s.value} |`,
    '| --- | --- |',
    ...m.summary.map((row) => `| ${inline(row.label)} | ${inline(row.value)} |`),
    '',
    ...followUp(m),
    `## ${s.gaps}`,
    '',
    s.gapsIntro,
    '',
  ];
  if (m.severities.every((sev) => sev.count === 0)) out.push(s.noFindings, '');
  for (const sev of m.severities) {
    if (sev.count === 0) continue;
    out.push(`### ${sev.heading}`, '');
    for (const rule of sev.rules) {
      out.push(`#### ${inline(rule.title)} (${s.findingCount(rule.findings.length)})`, '', `_${inline(rule.explanation)}_`, '');
      for (const f of rule.findings) out.push(...finding(f, m));
      out.push('');
    }
  }
  out.push(`## ${s.matrices}`, '', s.matricesIntro, '');
  for (const view of m.matrices) out.push(...matrix(view, m));
  out.push(`## ${s.rules}`, '', s.rulesIntro, '', `| ${s.rule} | ${s.severityColumn} | ${s.count} |`, '| --- | --- | ---: |');
  for (const rule of m.rules) out.push(`| ${inline(rule.title)} (\`${rule.id}\`) | ${rule.severity} | ${rule.count} |`);
  out.push('', `_${s.footer}_`, '');
  return out.join('\n');
}
