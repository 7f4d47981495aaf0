import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'report-placeholders';

describe(RULE, () => {
  it('finds headline markers, the placeholder name, lone ellipses and template text', () => {
    const findings = dataset()
      .node('Recommendation', 'anbefaling', { description: '[Overskrift]\nRegjeringens bestemmelse …' })
      .focusArea('fa', 'in_progress', { quote: 'Navn navnesen i virksomhet x' })
      .statusReport('status', { learnings: '…', nextTasks: '...', complete: false })
      .node('Recommendation', 'mal', { name: 'En anbefaling til' })
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['anbefaling', 'fa', 'mal', 'status']);
    const status = findings.find((f) => f.subject.id === 'status')!;
    expect(status.message.nb).toBe('«status» inneholder plassholdere: svar eller tekst som bare er «…» (i læringspunkter og neste års oppgaver).');
    expect(status.evidence.nodes[0]!.facts).toEqual({ learnings: '…', nextTasks: '...' });
    expect(findings.find((f) => f.subject.id === 'anbefaling')!.message.en).toContain('headline marker');
  });

  it('reports a placeholder in a relationship quote on the node the link starts from', () => {
    const findings = dataset().agency('x').initiative('i').link('LEADS', 'x', 'i', { quote: 'Navn navnesen i virksomhet x' }).gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['x']);
    expect(findings[0]!.evidence.edges.map((e) => e.id)).toEqual(['x:LEADS:i']);
  });

  it('leaves ordinary text alone, including an ellipsis marking an omission in a quote', () => {
    const findings = dataset()
      .focusArea('fa', 'in_progress', {
        quote: 'Vi må skape tillit til hele økosystemet … og håndtere ytre krefter.',
        description: 'Navnet på prosjektet er «Digital ledelse».',
      })
      .statusReport('status')
      .node('Recommendation', 'anbefaling', { name: 'En anbefaling om bærekraft i handlingsplanen' })
      .gaps({ rule: RULE });
    expect(findings).toEqual([]);
  });

  it('uses the patterns in configuration', () => {
    const findings = dataset()
      .focusArea('fa', 'in_progress', { description: 'TODO: fyll inn' })
      .gaps({ rule: RULE, config: { placeholders: { patterns: [{ id: 'todo', label: { nb: 'TODO', en: 'TODO' }, regex: '\\bTODO\\b' }] } } });
    expect(subjects(findings, RULE)).toEqual(['fa']);
  });
});
