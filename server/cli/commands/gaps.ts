import { findGaps, GAP_RULES, summarizeGaps, UnknownRuleError } from '../../../graph/analysis/gaps.js';
import { FINDING_BASIS_LABELS, GAP_SEVERITY_LABELS, isNodeKind } from '../../../graph/ontology.js';
import { GAP_SEVERITIES, LANGUAGES, type FindingBasis, type GapFinding, type GapSeverity, type Language } from '../../../graph/schema/analysis.js';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.js';
import { SERVER_OPTIONS, serverUsage, withGraph } from '../store-session.js';
import { reviewedFrom } from '../../../graph/review/read.js';

/** A severity as the listing shows it: in capitals ("HØY"). */
const severityLabel = (severity: GapSeverity, lang: Language) => GAP_SEVERITY_LABELS[severity][lang].toUpperCase();
/** A basis as the listing shows it: in lower case ("delvis utledet"). */
const basisLabel = (basis: FindingBasis, lang: Language) => FINDING_BASIS_LABELS[basis][lang].toLowerCase();

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** The first quote behind a finding, for the one-line-per-finding listing. */
function firstQuote(f: GapFinding, lang: Language): string | null {
  const subject = f.evidence.nodes.find((n) => n.id === f.subject.id && n.quote && n.quote !== n.name);
  const quoted = subject ?? f.evidence.edges.find((e) => e.properties.quote) ?? f.evidence.nodes.find((n) => n.quote && n.quote !== n.name);
  if (!quoted) return null;
  const { quote, source, page } = 'properties' in quoted ? quoted.properties : quoted;
  return `«${quote!.replace(/\s+/g, ' ')}» (${source}${page !== null ? `, ${lang === 'nb' ? 's.' : 'p.'} ${page}` : ''})`;
}

export const gapsCommand: Command = {
  name: 'gaps',
  summary: "Find gaps in the plan: rules with severities, each finding with the quotes behind it and whether it rests on the analyst's inferences",
  usage: [
    'Usage: strategigraf gaps [--json] [--rule ID] [--severity high|medium|low] [--kind Kind] [--lang nb|en] [--rules] [--server URL] [--token T]',
    '',
    '  --json      print {summary, findings} as JSON (findings carry nb and en messages and their evidence)',
    '  --rule      only this rule (see --rules)',
    '  --severity  only findings of this severity',
    '  --kind      only findings about nodes of this kind, e.g. LifeEvent',
    '  --lang      language of the listing (default nb)',
    '  --rules     list the rules instead of running them',
    serverUsage(12),
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        json: { type: 'boolean' },
        rule: { type: 'string' },
        severity: { type: 'string' },
        kind: { type: 'string' },
        lang: { type: 'string' },
        rules: { type: 'boolean' },
        ...SERVER_OPTIONS,
      },
      false,
    );
    const lang = oneOf(values.lang, LANGUAGES, 'lang') ?? 'nb';
    const severity = oneOf(values.severity, GAP_SEVERITIES, 'severity');
    if (values.kind !== undefined && !isNodeKind(values.kind))
      throw new UsageError(`--kind must be a node kind such as FocusArea or LifeEvent (got "${values.kind}")`);
    if (values.rule !== undefined && !GAP_RULES.some((r) => r.id === values.rule)) throw new UsageError(new UnknownRuleError(values.rule).message);

    if (values.rules) {
      if (values.json) io.out(JSON.stringify(GAP_RULES, null, 2));
      else for (const r of GAP_RULES) io.out(`${r.id.padEnd(34)} ${severityLabel(r.severity, lang).padEnd(8)} ${r.title[lang]}`);
      return EXIT.ok;
    }

    return withGraph(io, 'read', values, async (store, description) => {
      // As the review shows it: decisions in force, rejected links left out (docs/review.md).
      const snapshot = await reviewedFrom(store);
      const findings = findGaps(snapshot, {
        ...(values.rule ? { rule: values.rule } : {}),
        ...(severity ? { severity } : {}),
        ...(values.kind && isNodeKind(values.kind) ? { kind: values.kind } : {}),
      });
      const summary = summarizeGaps(findings);
      if (values.json) {
        io.out(JSON.stringify({ dataset: snapshot.meta, summary, findings }, null, 2));
        return EXIT.ok;
      }
      const counts = GAP_SEVERITIES.map((s) => `${severityLabel(s, lang).toLowerCase()} ${summary.bySeverity[s]}`).join(', ');
      const bases = (['inferred', 'mixed'] as const).map((b) => `${basisLabel(b, lang)} ${summary.byBasis[b]}`).join(', ');
      const noun = lang === 'nb' ? 'funn' : summary.total === 1 ? 'finding' : 'findings';
      io.out(`${snapshot.meta.name} ${snapshot.meta.version} (${description}): ${summary.total} ${noun} (${counts}; ${bases})`);
      let current: GapSeverity | null = null;
      for (const f of findings) {
        if (f.severity !== current) {
          current = f.severity;
          io.out(`\n${severityLabel(current, lang)}`);
        }
        // A finding on the analyst's inferences says so first; its message names them.
        io.out(`  [${f.rule}${f.basis === 'stated' ? '' : `, ${basisLabel(f.basis, lang)}`}] ${f.message[lang]}`);
        const quote = firstQuote(f, lang);
        if (quote) io.out(`      ${quote}`);
      }
      return EXIT.ok;
    });
  },
};
