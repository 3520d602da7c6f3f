import type { TimelineEntry } from '@shared/cases/case-api.schema';
import { CASE_MOVES, CASE_STATUSES, type CaseMove, type CaseStatus } from '@shared/cases/case-states';
import { CASE_PRIORITIES, ESCALATION_LEVELS, SLA_STAGES, type CasePriority, type EscalationLevel, type SlaStage } from '@shared/cases/sla-policy.schema';
import { useLocale, useT, type Translate } from '../i18n/i18n-context';
import { personName } from './case-labels';

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null => (values.includes(value as T) ? (value as T) : null);

/** A category key in words (its name in the UI language). */
export type CategoryLabel = (key: string) => string;

/** What one timeline entry says, in words; an entry kind this page does not know yet is named as it is. */
export function timelineText(entry: TimelineEntry, names: ReadonlyMap<string, string>, t: Translate, categoryLabel: CategoryLabel = (key) => key): string {
  const data = entry.data;
  const stage = oneOf<SlaStage>(SLA_STAGES, data.stage);
  const stageName = stage ? t(`cases.stage.${stage}`) : '';
  switch (entry.kind) {
    case 'opened': {
      const priority = oneOf<CasePriority>(CASE_PRIORITIES, data.priority);
      return t('cases.timeline.opened', { priority: priority ? t(`cases.priority.${priority}`) : '' });
    }
    case 'moved': {
      const move = oneOf<CaseMove>(CASE_MOVES, data.move);
      const to = oneOf<CaseStatus>(CASE_STATUSES, data.to);
      return t('cases.timeline.moved', { move: move ? t(`cases.move.${move}`) : String(data.move), to: to ? t(`cases.status.${to}`) : String(data.to) });
    }
    case 'assigned':
      return t('cases.timeline.assigned', { assignee: personName(typeof data.assigneeId === 'string' ? data.assigneeId : null, names, t) });
    case 'categorised':
      return typeof data.to === 'string' ? t('cases.timeline.categorised', { category: categoryLabel(data.to) }) : t('cases.timeline.uncategorised');
    case 'note':
      return t('cases.timeline.note');
    case 'due-soon':
      return t('cases.timeline.dueSoon', { stage: stageName });
    case 'breached':
      return t('cases.timeline.breached', { stage: stageName });
    case 'escalated': {
      const level = oneOf<EscalationLevel>(ESCALATION_LEVELS, data.level);
      return t('cases.timeline.escalated', { stage: stageName, level: level ? t(`cases.level.${level}`) : '' });
    }
    case 'message':
      return t(data.emailed === false ? 'cases.timeline.messageNotEmailed' : 'cases.timeline.message');
    case 'customer-reply':
      return t('cases.timeline.customerReply');
    case 'resolution-feedback':
      return data.resolved === true
        ? t('cases.timeline.feedbackYes', { csat: typeof data.csat === 'number' ? String(data.csat) : '–' })
        : t('cases.timeline.feedbackNo', { csat: typeof data.csat === 'number' ? String(data.csat) : '–' });
    default:
      return String(entry.kind);
  }
}

/** The append-only timeline, oldest first: who, when, what, and the text of notes. */
export function CaseTimeline({ timeline, names, categoryLabel }: { timeline: TimelineEntry[]; names: ReadonlyMap<string, string>; categoryLabel: CategoryLabel }) {
  const t = useT();
  const { locale } = useLocale();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <section className="panel" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('cases.timeline')}</h2>
      <ol className="case-timeline">
        {timeline.map((entry, index) => (
          <li key={index} className={`case-timeline-${entry.kind}`}>
            <time dateTime={entry.at}>{format.format(new Date(entry.at))}</time> · <span>{entry.by === null ? t('cases.system') : personName(entry.by, names, t)}</span>
            <p>{timelineText(entry, names, t, categoryLabel)}</p>
            {typeof entry.data.text === 'string' && <blockquote>{entry.data.text}</blockquote>}
            {typeof entry.data.note === 'string' && <blockquote>{entry.data.note}</blockquote>}
            {typeof entry.data.comment === 'string' && <blockquote>{entry.data.comment}</blockquote>}
          </li>
        ))}
      </ol>
    </section>
  );
}
