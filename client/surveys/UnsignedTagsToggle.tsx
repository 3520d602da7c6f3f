import { useState } from 'react';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { surveyBuilderApi } from './survey-builder-api';

/**
 * Whether anonymous links may tag answers with any touchpoint/channel (`?tp=&ch=`). Off by default: then
 * only links staff made (signed) can, so no one files answers, and owner alerts, under a touchpoint they chose.
 */
export function UnsignedTagsToggle({ surveyId, initial }: { surveyId: string; initial: boolean }) {
  const t = useT();
  const [allowed, setAllowed] = useState(initial);
  const [state, setState] = useState<'idle' | 'saving' | 'failed'>('idle');

  // Shown at once, put back if the save fails.
  const change = async (next: boolean) => {
    setAllowed(next);
    setState('saving');
    try {
      const saved = await surveyBuilderApi(api).update(surveyId, { allowUnsignedTags: next });
      setAllowed(saved.allowUnsignedTags);
      setState('idle');
    } catch {
      setAllowed(!next);
      setState('failed');
    }
  };

  return (
    <div className="unsigned-tags">
      <label className="checkbox-field">
        <input type="checkbox" checked={allowed} disabled={state === 'saving'} onChange={(event) => void change(event.target.checked)} />
        {t('builder.link.allowUnsignedTags')}
      </label>
      <p className="hint" role="status">
        {state === 'failed' ? t('builder.link.allowUnsignedTagsFailed') : t('builder.link.allowUnsignedTagsHint')}
      </p>
    </div>
  );
}
