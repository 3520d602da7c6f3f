import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ImportReport } from '@shared/contacts/contact.schema';
import { useT, type Translate } from '../i18n/i18n-context';
import { api, ApiError } from '../lib/api-client';
import { problemText } from '../lib/problem-text';
import { contactsApi } from './contacts-api';

type ImportState = { kind: 'idle' } | { kind: 'uploading' } | { kind: 'failed'; message: string } | { kind: 'done'; report: ImportReport };

/** Upload of a CSV file, then the server's report: counts, and each rejected row with its reasons. */
export function ContactImport({ onImported }: { onImported: () => void }) {
  const t = useT();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setState({ kind: 'failed', message: t('contacts.import.noFile') });
      return;
    }
    setState({ kind: 'uploading' });
    try {
      const report = await contactsApi(api).importCsv(file);
      setState({ kind: 'done', report });
      onImported();
    } catch (error) {
      console.error('Contact import failed', error);
      const message =
        error instanceof ApiError && error.status === 413
          ? t('contacts.import.tooLarge')
          : error instanceof ApiError && error.isNetworkError
            ? t('error.network')
            : t('contacts.import.failed', { detail: importErrorDetail(error, t) });
      setState({ kind: 'failed', message });
    }
  };

  return (
    <form className="panel contact-import" aria-labelledby={`${id}-heading`} onSubmit={(event) => void submit(event)}>
      <h2 id={`${id}-heading`}>{t('contacts.import.heading')}</h2>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('contacts.import.file')}</label>
        <input id={`${id}-file`} ref={fileInput} type="file" accept=".csv,text/csv" aria-describedby={`${id}-hint`} />
        <p id={`${id}-hint`} className="hint">
          {t('contacts.import.hint')}
        </p>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={state.kind === 'uploading'}>
          {t('contacts.import.submit')}
        </button>
      </div>
      <div role="status" className="contact-import-status">
        {state.kind === 'uploading' && <p>{t('contacts.import.uploading')}</p>}
        {state.kind === 'done' && (
          <p>
            {t('contacts.import.summary', {
              total: state.report.total,
              created: state.report.created,
              updated: state.report.updated,
              rejected: state.report.rejectedCount,
            })}
          </p>
        )}
      </div>
      {state.kind === 'failed' && (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && state.report.rejected.length > 0 && <RejectedRows report={state.report} />}
    </form>
  );
}

/** The problem's field-level reasons when it has them (a header without email), else its detail. */
function importErrorDetail(error: unknown, t: Translate): string {
  const params = error instanceof ApiError ? (error.problem.invalid_params ?? []) : [];
  return params.length > 0 ? params.map((param) => `${param.name}: ${param.reason}`).join('; ') : problemText(error, t);
}

function RejectedRows({ report }: { report: ImportReport }) {
  const t = useT();
  return (
    <>
      <table className="data-table">
        <caption>{t('contacts.import.rejectedCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contacts.import.row')}</th>
            <th scope="col">{t('contacts.column.email')}</th>
            <th scope="col">{t('contacts.import.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rejected.map((rejected) => (
            <tr key={rejected.row}>
              <th scope="row">{rejected.row}</th>
              <td>{rejected.email ?? '—'}</td>
              <td>{rejected.reasons.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.rejectedCount > report.rejected.length && (
        <p className="hint">{t('contacts.import.rejectedMore', { listed: report.rejected.length, count: report.rejectedCount })}</p>
      )}
    </>
  );
}
