import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'thin-life-event-coverage';

/** Three life events, each with a ministry, and a support project serving all three. */
function base() {
  return dataset()
    .agency('digdir')
    .agency('hod')
    .agency('kud')
    .agency('asd')
    .lifeEvent('le-sykt-barn')
    .lifeEvent('le-frivillig')
    .lifeEvent('le-fa-barn')
    .link('RESPONSIBLE_FOR', 'hod', 'le-sykt-barn')
    .link('RESPONSIBLE_FOR', 'kud', 'le-frivillig')
    .link('RESPONSIBLE_FOR', 'asd', 'le-fa-barn')
    .initiative('stotteprosjekt', { category: 'supporting' })
    .link('LEADS', 'digdir', 'stotteprosjekt')
    .link('SERVES', 'stotteprosjekt', 'le-sykt-barn')
    .link('SERVES', 'stotteprosjekt', 'le-frivillig')
    .link('SERVES', 'stotteprosjekt', 'le-fa-barn');
}

describe(RULE, () => {
  it('does not count an initiative that serves every life event', () => {
    const findings = base().gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['le-fa-barn', 'le-frivillig', 'le-sykt-barn']);
    const f = findings.find((x) => x.subject.id === 'le-fa-barn')!;
    expect(f.message.nb).toContain('ingen initiativer understøtter den spesifikt');
    expect(f.message.nb).toContain('«stotteprosjekt»');
    expect(f.evidence.edges.find((e) => e.type === 'SERVES')?.note?.nb).toContain('alle livshendelsene');
  });

  it('is satisfied by a specific initiative under way, even when the ministry leads nothing itself', () => {
    const findings = base()
      .initiative('stimulab', { category: 'supporting', status: 'in_progress' })
      .link('LEADS', 'digdir', 'stimulab')
      .link('SERVES', 'stimulab', 'le-sykt-barn')
      .link('SERVES', 'stimulab', 'le-frivillig')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['le-fa-barn']);
  });

  it('reports a life event served specifically only by work not started, whose ministry shows no activity', () => {
    const findings = base().initiative('planlagt', { status: 'planned' }).link('SERVES', 'planlagt', 'le-sykt-barn').gaps({ rule: RULE });
    const f = findings.find((x) => x.subject.id === 'le-sykt-barn')!;
    expect(f.message.nb).toContain('det ansvarlige departementet «hod» har ingen rapportert aktivitet');
    expect(f.message.nb).not.toContain('spesifikt (bare');
  });

  it('counts a ministry that leads or takes part in an initiative as active', () => {
    const findings = base()
      .initiative('planlagt', { status: 'planned' })
      .link('SERVES', 'planlagt', 'le-sykt-barn')
      .link('PARTICIPATES_IN', 'hod', 'planlagt')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).not.toContain('le-sykt-barn');
  });

  it('counts a status report in the latest report as activity', () => {
    const findings = base()
      .initiative('planlagt', { status: 'planned' })
      .link('SERVES', 'planlagt', 'le-sykt-barn')
      .statusReport('status-planlagt')
      .link('HAS_STATUS', 'planlagt', 'status-planlagt')
      .link('PUBLISHED_IN', 'status-planlagt', 'rapport')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).not.toContain('le-sykt-barn');
  });

  it('reports a life event without a responsible ministry', () => {
    const findings = dataset().lifeEvent('le-a').lifeEvent('le-b').initiative('i-a').link('SERVES', 'i-a', 'le-a').gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['le-a', 'le-b']);
    expect(findings[0]!.message.en).toContain('has no responsible ministry');
  });

  it('does not take an agency that leads (executes) a life event for its responsible ministry', () => {
    const findings = dataset()
      .agency('helsedirektoratet')
      .lifeEvent('le-a')
      .initiative('i-a')
      .link('SERVES', 'i-a', 'le-a')
      .link('LEADS', 'helsedirektoratet', 'le-a')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['le-a']);
    expect(findings[0]!.message.en).toContain('has no responsible ministry');
  });

  it('takes the generic share and the minimum of specific initiatives from configuration', () => {
    const builder = base()
      .initiative('to-av-tre')
      .link('LEADS', 'hod', 'to-av-tre')
      .link('LEADS', 'kud', 'to-av-tre')
      .link('LEADS', 'asd', 'to-av-tre')
      .link('SERVES', 'to-av-tre', 'le-sykt-barn')
      .link('SERVES', 'to-av-tre', 'le-frivillig');
    expect(subjects(builder.gaps({ rule: RULE }), RULE)).toEqual(['le-fa-barn']);
    // Serving two of three life events is generic when the share is 0.6.
    expect(subjects(builder.gaps({ rule: RULE, config: { lifeEvents: { genericShare: 0.6 } } }), RULE)).toEqual(['le-fa-barn', 'le-frivillig', 'le-sykt-barn']);
    expect(subjects(builder.gaps({ rule: RULE, config: { lifeEvents: { minSpecificInitiatives: 2 } } }), RULE)).toHaveLength(3);
  });
});
