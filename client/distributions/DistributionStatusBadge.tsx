import type { DistributionStatus } from '@shared/distributions/distribution.schema';
import { useT } from '../i18n/i18n-context';
import { STATUS_LABELS } from './use-distribution-names';

export function DistributionStatusBadge({ status }: { status: DistributionStatus }) {
  const t = useT();
  return <span className={`badge distribution-status-${status}`}>{t(STATUS_LABELS[status])}</span>;
}
