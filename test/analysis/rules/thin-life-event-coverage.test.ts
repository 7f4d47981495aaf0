import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'thin-life-event-coverage';

/** Three life events, each with a responsible ministry, and a support project serving all three. */
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
    expect(f).toMatchObject({ severity: 'medium', basis: 'stated' });
    expect(f.message.nb).toBe('Livshendelsen «le-sykt-barn» er tynt dekket: det ansvarlige departementet «hod» har ingen rapportert aktivitet.');
    // What it rests on: the link that makes HOD the owner, and the status of the initiative serving the life event.
    expect(f.evidence.edges.find((e) => e.id === 'hod:RESPONSIBLE_FOR:le-sykt-barn')).toMatchObject({ decisive: true });
    expect(f.evidence.nodes.find((n) => n.id === 'planlagt')).toMatchObject({ decisive: ['status'] });
  });

  it('counts a ministry that is responsible for an initiative as active', () => {
    const findings = base()
      .initiative('planlagt', { status: 'planned' })
      .link('SERVES', 'planlagt', 'le-sykt-barn')
      .link('RESPONSIBLE_FOR', 'hod', 'planlagt')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).not.toContain('le-sykt-barn');
  });

  it('takes an executing agency without a ministry as the owner, and says which role it has', () => {
    const findings = dataset()
      .agency('nav', { shortName: 'NAV' })
      .lifeEvent('le-jobb')
      .lifeEvent('le-annen')
      .link('LEADS', 'nav', 'le-jobb')
      .initiative('planlagt', { status: 'planned' })
      .link('SERVES', 'planlagt', 'le-jobb')
      .gaps({ rule: RULE });
    const f = findings.find((x) => x.subject.id === 'le-jobb')!;
    expect(f.message.nb).toBe('Livshendelsen «le-jobb» er tynt dekket: den utførende virksomheten «NAV» har ingen rapportert aktivitet.');
    expect(f.message.en).toBe('The life event "le-jobb" is thinly covered: its executing agency "NAV" shows no reported activity.');
    expect(f.evidence.nodes.find((n) => n.id === 'nav')!.note).toEqual({ nb: 'Utførende virksomhet', en: 'Executing agency' });
  });

  it("counts the executing agency's work as the ministry's, and names both when neither shows any", () => {
    const builder = base()
      .agency('hdir', { shortName: 'Hdir' })
      .link('LEADS', 'hdir', 'le-sykt-barn')
      .initiative('planlagt', { status: 'planned' })
      .link('SERVES', 'planlagt', 'le-sykt-barn');
    const idle = builder.gaps({ rule: RULE }).find((x) => x.subject.id === 'le-sykt-barn')!;
    expect(idle.message.nb).toContain('det ansvarlige departementet «hod» har ingen rapportert aktivitet (heller ikke den utførende virksomheten «Hdir»)');
    const active = builder.initiative('prosjekt', { category: 'supporting' }).link('LEADS', 'hdir', 'prosjekt').gaps({ rule: RULE });
    expect(subjects(active, RULE)).not.toContain('le-sykt-barn');
  });

  it('lowers a finding that rests only on an inferred ministry, and says so', () => {
    const findings = dataset()
      .agency('hod')
      .lifeEvent('le-a')
      .lifeEvent('le-b')
      .link('RESPONSIBLE_FOR', 'hod', 'le-a', { basis: 'inferred' })
      .initiative('planlagt', { status: 'planned' })
      .link('SERVES', 'planlagt', 'le-a')
      .gaps({ rule: RULE });
    const f = findings.find((x) => x.subject.id === 'le-a')!;
    expect(f).toMatchObject({ severity: 'low', basis: 'inferred' });
    expect(f.message.nb).toContain('(utledet: «hod» er ansvarlig departement for «le-a»); derfor lav og ikke middels alvorlighet.');
  });

  it('keeps a finding that also stands on thin coverage, naming the inferred ministry', () => {
    const findings = base().link('RESPONSIBLE_FOR', 'hod', 'le-frivillig', { basis: 'inferred' }).gaps({ rule: RULE });
    const f = findings.find((x) => x.subject.id === 'le-frivillig')!;
    expect(f).toMatchObject({ severity: 'medium', basis: 'mixed' });
    expect(f.message.en).toContain('(inferred: "hod" is the responsible ministry for "le-frivillig"), but the finding also stands on what the sources state.');
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

  it('reports a life event with neither a responsible ministry nor an executing agency', () => {
    const findings = dataset().lifeEvent('le-a').lifeEvent('le-b').initiative('i-a').link('SERVES', 'i-a', 'le-a').gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['le-a', 'le-b']);
    expect(findings[0]!.message.en).toBe('The life event "le-a" is thinly covered: it has no responsible ministry and no executing agency.');
  });

  it('takes the generic share and the minimum of specific initiatives from configuration', () => {
    const builder = base()
      .initiative('to-av-tre')
      .link('RESPONSIBLE_FOR', 'hod', 'to-av-tre')
      .link('RESPONSIBLE_FOR', 'kud', 'to-av-tre')
      .link('RESPONSIBLE_FOR', 'asd', 'to-av-tre')
      .link('SERVES', 'to-av-tre', 'le-sykt-barn')
      .link('SERVES', 'to-av-tre', 'le-frivillig');
    expect(subjects(builder.gaps({ rule: RULE }), RULE)).toEqual(['le-fa-barn']);
    // Serving two of three life events is generic when the share is 0.6.
    expect(subjects(builder.gaps({ rule: RULE, config: { lifeEvents: { genericShare: 0.6 } } }), RULE)).toEqual(['le-fa-barn', 'le-frivillig', 'le-sykt-barn']);
    expect(subjects(builder.gaps({ rule: RULE, config: { lifeEvents: { minSpecificInitiatives: 2 } } }), RULE)).toHaveLength(3);
  });
});
