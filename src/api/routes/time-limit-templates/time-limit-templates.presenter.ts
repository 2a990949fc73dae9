import type {
  ComputedKeyDateResponse,
  TimeLimitTemplateListResponse,
  TimeLimitTemplateResponse,
} from '../../../contract/time-limit-templates.ts';
import { MUST_CONFIRM } from '../../../domain/time-limits/templates.ts';
import type { KeyDateFromTemplate } from '../../../services/time-limit-templates/compute-key-date-from-template.ts';
import type { StoredTimeLimitTemplate } from '../../../store/time-limit-templates.ts';

export function presentTimeLimitTemplate(s: StoredTimeLimitTemplate): TimeLimitTemplateResponse {
  const t = s.template;
  return {
    key: t.key,
    name: t.name,
    source: t.source,
    eventLabel: t.eventLabel,
    rule: { ...t.rule },
    alternative: t.alternative
      ? { condition: t.alternative.condition, rule: { ...t.alternative.rule } }
      : null,
    caution: t.caution,
    active: s.active,
    sortOrder: s.sortOrder,
    updatedAt: s.updatedAt.toISOString(),
    updatedBy: s.updatedBy,
  };
}

export const presentTimeLimitTemplateList = (
  rows: readonly StoredTimeLimitTemplate[],
): TimeLimitTemplateListResponse => ({
  templates: rows.map(presentTimeLimitTemplate),
  mustConfirm: MUST_CONFIRM,
});

export const presentComputedKeyDate = (
  r: KeyDateFromTemplate,
  eventDate: string,
): ComputedKeyDateResponse => ({
  templateKey: r.template.key,
  templateName: r.template.name,
  eventDate,
  useAlternative: r.useAlternative,
  date: r.computed.date,
  explanation: r.computed.explanation,
  confirmRequired: true,
  warning: r.computed.warning,
  source: r.computed.source,
  nation: r.nation,
});
