import { useEffect, useRef, useState } from 'react';
import type { CaseRecordView } from '@shared/cases/case-api.schema';
import { useT } from '../i18n/i18n-context';
import { readStageClock } from './clock-reading';
import { clockText } from './ClockText';
import { useNow } from './use-now';

/**
 * The running stage clocks, ticking each second. Screen readers hear only new breaches (a live region
 * that changes when a stage breaches), never the tick itself: the countdown text is not live.
 */
export function StageClocks({ kase, onBreach }: { kase: Pick<CaseRecordView, 'clocks' | 'paused'>; onBreach?: () => void }) {
  const t = useT();
  const now = useNow();
  const readings = kase.clocks.map((clock) => readStageClock(clock, kase.paused, now));
  const breached = readings.filter((r) => r.kind === 'breached').map((r) => r.stage);
  const breachedKey = breached.join(' ');
  const seen = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    // The first reading is what the page opened with: it is on screen, not news.
    if (seen.current !== null) {
      const fresh = breached.filter((stage) => !seen.current!.split(' ').includes(stage));
      if (fresh.length > 0) {
        setAnnouncement(fresh.map((stage) => t('cases.clock.breachedNow', { stage: t(`cases.stage.${stage}`) })).join(' '));
        onBreach?.();
      }
    }
    seen.current = breachedKey;
    // `breached` is derived from breachedKey.
  }, [breachedKey]);

  return (
    <section className="panel" aria-labelledby="case-clocks">
      <h2 id="case-clocks">{t('cases.clocks')}</h2>
      {readings.length === 0 ? (
        <p>{t('cases.clock.noneRunning')}</p>
      ) : (
        <ul className="case-clock-list">
          {readings.map((reading) => (
            <li key={reading.stage} className={`case-clock case-clock-${reading.kind}`}>
              <span className="case-clock-stage">{t(`cases.stage.${reading.stage}`)}</span> <span>{clockText(reading, t)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
    </section>
  );
}
