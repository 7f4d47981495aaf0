// Rule 1: a focus area of the action plan whose work has not started.
import type { GapRuleInfo } from '../../../../graph/schema/analysis.js';
import { explain, fact } from '../basis.js';
import { EvidenceBuilder, finding } from '../evidence.js';
import { quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'focus-area-not-started',
  severity: 'high',
  title: t('Innsatsområde ikke startet', 'Focus area not started'),
  explanation: explain(
    t(
      'Innsatsområder med status «ikke startet». Handlingsplanen forutsetter arbeid i alle innsatsområdene; et område som ikke er kommet i gang, trenger en eier og en plan.',
      'Focus areas with status "not started". The action plan assumes work in every focus area; an area that has not started needs an owner and a plan.',
    ),
    t('innsatsområdets status (initiativene i det vises bare som sammenheng).', "the focus area's status (its initiatives are shown as context only)."),
  ),
  subjectKinds: ['FocusArea'],
};

export const focusAreaNotStarted: GapRule = {
  info,
  run(ctx) {
    return ctx
      .nodesOf('FocusArea')
      .filter((fa) => fa.properties['status'] === 'not_started')
      .map((fa) => {
        const evidence = new EvidenceBuilder(ctx).node(fa, { facts: ['status', 'statusNote'] });
        for (const e of ctx.in(fa.id, 'PART_OF')) evidence.edge(e).node(ctx.node(e.from), { facts: ['status', 'category'] });
        const name = quoted(fa);
        return finding(info, fa, t(`Innsatsområdet ${name.nb} er ikke startet.`, `The focus area ${name.en} has not started.`), evidence, fact(fa, 'status'));
      });
  },
};
