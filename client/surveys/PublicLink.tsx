import { useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n-context';
import { publicSurveyUrl } from './survey-builder-api';

/** The respondent link of a published survey, with a copy button that falls back to selecting the text. */
export function PublicLink({ slug }: { slug: string }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');
  const url = publicSurveyUrl(window.location.origin, slug);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('builder.link.copied'));
    } catch {
      // No clipboard permission (or an insecure origin): select the text so Ctrl+C / ⌘C copies it.
      input.current?.focus();
      input.current?.select();
      setMessage(t('builder.link.selectToCopy'));
    }
  };

  return (
    <div className="public-link">
      <label htmlFor={id}>{t('builder.link.label')}</label>
      <div className="public-link-row">
        <input ref={input} id={id} readOnly value={url} onFocus={(event) => event.target.select()} />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('builder.link.copy')}
        </button>
        <a className="button button-secondary" href={url} target="_blank" rel="noopener">
          {t('builder.link.open')}
        </a>
      </div>
      <p role="status" className="hint">
        {message}
      </p>
    </div>
  );
}
