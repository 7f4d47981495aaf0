// Rule 3: a focus area or initiative that states no effect on the UN sustainable development goals.
import type { GapRuleInfo } from '../../../../graph/schema/analysis.js';
import { explain, fact, NOTHING } from '../basis.js';
import { EvidenceBuilder, finding } from '../evidence.js';
import { hasCategory } from '../plan.js';
import { definiteKind, nameList, quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'no-stated-sdg-effect',
  severity: 'medium',
  title: t('Ingen uttalt effekt på bærekraftsmålene', 'No stated SDG effect'),
  explanation: explain(
    t(
      'Innsatsområder og initiativer i handlingsplanen uten en uttalt (stated) kobling «bidrar til» til et bærekraftsmål. Regjeringen har bestemt at alle strategier og handlingsplaner skal omtale effekten på bærekraftsmålene, og erfaringsrapportens første anbefaling er at handlingsplanen gjør det for hvert innsatsområde. Koblinger analytikeren har utledet (inferred), vises som forslag.',
      'Focus areas and action-plan initiatives with no stated "contributes to" link to a sustainable development goal. The government has decided that every strategy and action plan must describe its effect on the SDGs, and the experience report\'s first recommendation is that the action plan does so for each focus area. Links the analyst inferred are shown as suggestions.',
    ),
    t(
      'at ingen uttalt kobling finnes (det kildene ikke sier) og, for initiativer, kategorien; de utledede koblingene er forslag, ikke grunnlag.',
      'that no stated link exists (what the sources do not say) and, for initiatives, the category; the inferred links are suggestions, not grounds.',
    ),
  ),
  subjectKinds: ['FocusArea', 'Initiative'],
};

export const noStatedSdgEffect: GapRule = {
  info,
  run(ctx) {
    const subjects = [...ctx.nodesOf('FocusArea'), ...ctx.nodesOf('Initiative').filter((i) => hasCategory(i, ctx.config.sdg.initiativeCategories))];
    const findings = [];
    for (const subject of subjects) {
      const links = ctx.out(subject.id, 'CONTRIBUTES_TO');
      if (links.some((e) => e.properties.basis === 'stated')) continue;
      const evidence = new EvidenceBuilder(ctx).node(subject);
      const goals = links.map((e) => ctx.node(e.to)).filter((g) => g !== undefined);
      for (const e of links) evidence.edge(e, { suggestion: true, note: t('Utledet av analytiker — forslag', 'Inferred by the analyst — a suggestion') });
      for (const goal of goals) evidence.node(goal);
      const name = quoted(subject);
      const kind = definiteKind(subject.kind);
      const suggestion = goals.length > 0 ? nameList(goals) : null;
      findings.push(
        finding(
          info,
          subject,
          t(
            `${kind.nb} ${name.nb} har ingen uttalt effekt på bærekraftsmålene.${suggestion ? ` Forslag (utledet): ${suggestion.nb}.` : ''}`,
            `${kind.en} ${name.en} states no effect on the sustainable development goals.${suggestion ? ` Suggested (inferred): ${suggestion.en}.` : ''}`,
          ),
          evidence,
          subject.kind === 'Initiative' ? fact(subject, 'category') : NOTHING,
        ),
      );
    }
    return findings;
  },
};
