// Rule 10: text in the dataset that still holds the draft report's template placeholders.
import type { GapRuleInfo, Language, LocalizedText } from '../../../../graph/schema/analysis.js';
import type { GraphEdge, GraphNode } from '../../../../graph/schema/graph.js';
import { orderedProperties } from '../../../../graph/export/shared.js';
import { NODE_KINDS } from '../../../../graph/ontology.js';
import { explain, NOTHING } from '../basis.js';
import { EvidenceBuilder, finding } from '../evidence.js';
import { list, quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'report-placeholders',
  severity: 'low',
  title: t('Plassholdere i rapporten', 'Report placeholders'),
  explanation: explain(
    t(
      'Tekst i datasettet som fortsatt inneholder malens plassholdere: overskriftsmarkører som «[Overskrift]», plassholdernavnet «Navn navnesen», svar som bare er «…» og maltekster som «En anbefaling». De viser programkontoret hva utkastet til rapport fortsatt mangler. Mønstrene står i konfigurasjonen.',
      'Text in the dataset that still holds the template\'s placeholders: headline markers such as "[Overskrift]", the placeholder name "Navn navnesen", answers that are only "…" and template text such as "En anbefaling". They show the programme office what the draft report still lacks. The patterns are configurable.',
    ),
    t(
      'teksten selv, i datasettet som det står, hvem som enn skrev den; et funn her bygger aldri på slutninger.',
      'the text itself, in the dataset as it stands, whoever wrote it; a finding here never rests on inferences.',
    ),
  ),
  subjectKinds: [...NODE_KINDS],
};

const FIELD_LABELS: Record<string, LocalizedText> = {
  name: t('navn', 'name'),
  nameEn: t('engelsk navn', 'English name'),
  description: t('beskrivelse', 'description'),
  descriptionEn: t('engelsk beskrivelse', 'English description'),
  quote: t('sitat', 'quote'),
  note: t('begrunnelse', 'note'),
  statusNote: t('statuskommentar', 'status note'),
  respondent: t('respondent', 'respondent'),
  successFactors: t('suksessfaktorer', 'success factors'),
  challenges: t('utfordringer', 'challenges'),
  learnings: t('læringspunkter', 'learnings'),
  nextTasks: t('neste års oppgaver', "next year's tasks"),
};

interface Hit {
  field: string;
  patterns: string[];
  edge?: GraphEdge;
}

export const reportPlaceholders: GapRule = {
  info,
  run(ctx) {
    const patterns = ctx.config.placeholders.patterns.map((p) => ({ ...p, re: new RegExp(p.regex, 'imu') }));
    const matching = (text: string) => patterns.filter((p) => p.re.test(text)).map((p) => p.id);
    const hits = new Map<string, Hit[]>();
    const add = (nodeId: string, hit: Hit) => (hits.get(nodeId) ?? hits.set(nodeId, []).get(nodeId)!).push(hit);

    for (const node of ctx.snapshot.nodes) {
      for (const [field, value] of textFields(node)) {
        const found = matching(value);
        if (found.length > 0) add(node.id, { field, patterns: found });
      }
    }
    for (const edge of ctx.snapshot.edges) {
      for (const field of ['quote', 'note'] as const) {
        const value = edge.properties[field];
        const found = value ? matching(value) : [];
        if (found.length > 0) add(edge.from, { field, patterns: found, edge });
      }
    }

    const labelOf = new Map(patterns.map((p) => [p.id, p.label]));
    const findings = [];
    for (const [nodeId, nodeHits] of hits) {
      const node = ctx.node(nodeId);
      if (!node) continue;
      const evidence = new EvidenceBuilder(ctx).node(node, { facts: nodeHits.filter((h) => !h.edge).map((h) => h.field) });
      for (const hit of nodeHits.filter((h) => h.edge)) {
        evidence.edge(hit.edge, { note: t(`Plassholder i ${fieldLabel(hit.field).nb}`, `Placeholder in ${fieldLabel(hit.field).en}`) });
      }
      const patternIds = [...new Set(nodeHits.flatMap((h) => h.patterns))].sort((a, b) => order(patterns, a) - order(patterns, b));
      const fields = [...new Set(nodeHits.map((h) => (h.edge ? 'relationship' : h.field)))];
      const describe = (lang: Language) =>
        `${list(
          patternIds.map((id) => labelOf.get(id)![lang]),
          lang,
        )} (${lang === 'nb' ? 'i' : 'in'} ${list(
          fields.map((f) => (f === 'relationship' ? (lang === 'nb' ? 'sitat på kobling' : 'relationship quote') : fieldLabel(f)[lang])),
          lang,
        )})`;
      const name = quoted(node);
      findings.push(
        finding(
          info,
          node,
          t(`${name.nb} inneholder plassholdere: ${describe('nb')}.`, `${name.en} holds placeholders: ${describe('en')}.`),
          evidence,
          NOTHING,
        ),
      );
    }
    return findings;
  },
};

export function fieldLabel(field: string): LocalizedText {
  return FIELD_LABELS[field] ?? t(field, field);
}

function order(patterns: { id: string }[], id: string): number {
  return patterns.findIndex((p) => p.id === id);
}

/** Every text of a node: its names and each string (or string list) property, in schema order whatever the store. */
function textFields(node: GraphNode): [string, string][] {
  const fields: [string, string][] = [['name', node.name]];
  if (node.nameEn) fields.push(['nameEn', node.nameEn]);
  for (const [key, value] of orderedProperties(node)) {
    if (key === 'source' || key === 'sourceText' || key === 'missing') continue;
    if (typeof value === 'string') fields.push([key, value]);
    else if (Array.isArray(value)) for (const item of value) fields.push([key, item]);
  }
  return fields;
}
