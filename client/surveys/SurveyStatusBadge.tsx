import type { SurveyStatus } from '@shared/surveys/survey-api.schema';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/i18n-context';

const STATUS_LABELS: Record<SurveyStatus, MessageKey> = {
  draft: 'builder.status.draft',
  published: 'builder.status.published',
  archived: 'builder.status.archived',
};

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(STATUS_LABELS[status])}</span>;
}
