import { useT, type Translate } from '../i18n/i18n-context';
import { durationUnits, type ClockReading } from './clock-reading';

/** A span in words of the current language ("3 h 05 min"). */
export function durationText(ms: number, t: Translate): string {
  return durationUnits(ms)
    .map(([unit, value], i) => t(`cases.duration.${unit}`, { n: i === 0 ? value : String(value).padStart(2, '0') }))
    .join(' ');
}

/** A clock reading in words: "due in 3 h 05 min", "overdue by 4 min 09 s", "paused". */
export function clockText(reading: ClockReading, t: Translate): string {
  switch (reading.kind) {
    case 'running':
    case 'due-soon':
      return t('cases.clock.dueIn', { span: durationText(reading.remainingMs, t) });
    case 'breached':
      return reading.overdueMs === null ? t('cases.clock.breached') : t('cases.clock.overdueBy', { span: durationText(reading.overdueMs, t) });
    case 'paused':
      return t('cases.clock.paused');
  }
}

/** A reading as a coloured badge; the colour is never the only sign (the words say it too). */
export function ClockBadge({ reading }: { reading: ClockReading | null }) {
  const t = useT();
  if (reading === null) return <span className="case-clock case-clock-none">{t('cases.clock.none')}</span>;
  return <span className={`case-clock case-clock-${reading.kind}`}>{clockText(reading, t)}</span>;
}
