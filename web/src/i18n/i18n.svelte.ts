// The current language and message lookup. Norwegian bokmål by default; the choice lives in the URL (?lang=en).
import {
  AGENCY_SECTOR_LABELS,
  FUNDING_TYPE_LABELS,
  GAP_SEVERITY_LABELS,
  INDICATOR_DIRECTION_LABELS,
  INITIATIVE_CATEGORY_LABELS,
  MILESTONE_OCCURRENCE_LABELS,
  NODE_KIND_LABELS,
  PROGRESS_LABELS,
  PROPERTY_LABELS,
  RELATIONSHIP_INVERSE_LABELS,
  RELATIONSHIP_LABELS,
  REVIEW_STATE_LABELS,
  type NodeKind,
  type RelationshipType,
} from '../../../graph/ontology.js';
import { en } from './en.js';
import { nb, type MessageKey } from './nb.js';

export type Lang = 'nb' | 'en';
const messages: Record<Lang, Record<MessageKey, string>> = { nb, en };
/**
 * Enumerated values the ontology names (statuses and units are UI messages); gap severities too, named once for report,
 * CLI and UI.
 */
const VALUE_LABELS: Record<string, Record<string, { nb: string; en: string }>> = {
  category: INITIATIVE_CATEGORY_LABELS,
  sector: AGENCY_SECTOR_LABELS,
  severity: GAP_SEVERITY_LABELS,
  occurrence: MILESTONE_OCCURRENCE_LABELS,
  direction: INDICATOR_DIRECTION_LABELS,
  fundingType: FUNDING_TYPE_LABELS,
  progress: PROGRESS_LABELS,
  /** Where an inferred link or field stands in review: «Godtatt», «Avvist», «Ikke vurdert». */
  review: REVIEW_STATE_LABELS,
};
/** Properties whose values are words in the message catalogues, under `<property>.<value>`. */
const MESSAGE_VALUES = new Set(['status', 'unit']);

const pluralRules: Record<Lang, Intl.PluralRules> = { nb: new Intl.PluralRules('nb'), en: new Intl.PluralRules('en') };

class I18n {
  lang = $state<Lang>('nb');

  /**
   * A message with its parameters filled in. `{n|one|other}` picks the word by the language's plural rule for n («1
   * kobling», «2 koblinger»); `{n}` is the value itself.
   */
  t = (key: MessageKey, params: Record<string, string | number> = {}): string =>
    messages[this.lang][key]
      .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) =>
        pluralRules[this.lang].select(Number(params[name])) === 'one' ? one : other,
      )
      .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));

  kind = (kind: string, plural = false): string => {
    const labels = NODE_KIND_LABELS[kind as NodeKind];
    return labels ? (plural ? labels.plural : labels.singular)[this.lang] : kind;
  };

  relation = (type: string): string => RELATIONSHIP_LABELS[type as RelationshipType]?.[this.lang] ?? type;

  /** The relationship read from its target ("is led by"). */
  inverseRelation = (type: string): string => RELATIONSHIP_INVERSE_LABELS[type as RelationshipType]?.[this.lang] ?? type;

  /** A property's name; unknown properties keep their key. */
  prop = (key: string): string => PROPERTY_LABELS[key]?.[this.lang] ?? key;

  /** An enumerated property value in words (status, progress, category, sector, occurrence, direction, funding type, unit); anything else as it is. */
  value = (key: string, value: string): string => {
    if (MESSAGE_VALUES.has(key)) {
      const message = `${key}.${value}`;
      return message in messages[this.lang] ? this.t(message as MessageKey) : value;
    }
    return VALUE_LABELS[key]?.[value]?.[this.lang] ?? value;
  };

  /** "s. 7" / "p. 7", or that the source gives no page. */
  page = (page: number | null | undefined): string => (page ? this.t('details.page', { page: String(page) }) : this.t('details.noPage'));

  /** A node's name in the current language, falling back to bokmål. */
  name = (node: { name: string; nameEn?: string | undefined }): string => (this.lang === 'en' && node.nameEn ? node.nameEn : node.name);
}

export const i18n = new I18n();
