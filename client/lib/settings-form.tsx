import { useState, type ReactNode } from 'react';
import type { InvalidParam } from '@shared/http/problem.schema';
import { useT } from '../i18n/i18n-context';
import { ApiError } from './api-client';
import { fileUnderFields } from './field-errors';
import { problemText } from './problem-text';

type Made<I> = { ok: true; input: I } | { ok: false; params: InvalidParam[] };

/**
 * The saving of a settings form: the shared schema's refusals (before sending) and the server's
 * `invalid_params` (after) are filed under the form's fields; the rest is said above the buttons.
 */
export function useSettingsSave<F extends string>() {
  const t = useT();
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const show = (params: InvalidParam[], fields: readonly F[]) => {
    const filed = fileUnderFields(params, fields);
    setErrors(filed.errors);
    setOther(filed.other.map((p) => `${p.name}: ${p.reason}`).join(' '));
  };
  const save = async <I, T>(made: Made<I>, fields: readonly F[], send: (input: I) => Promise<T>, onSaved: (saved: T) => void) => {
    if (!made.ok) return show(made.params, fields);
    setBusy(true);
    try {
      onSaved(await send(made.input));
    } catch (error) {
      const params = error instanceof ApiError ? (error.problem.invalid_params ?? []) : [];
      show(params, fields);
      if (params.length === 0) setOther(problemText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return { errors, other, busy, save };
}

/** What fits no field, or a pointer to the fields that need correcting; then Save and Cancel. */
export function SettingsFormFooter({ errors, other, busy, onCancel }: { errors: object; other: string; busy: boolean; onCancel: () => void }) {
  const t = useT();
  return (
    <>
      {other && <p role="alert">{other}</p>}
      {Object.keys(errors).length > 0 && !other && <p role="alert">{t('settingsForm.fixFields')}</p>}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('settingsForm.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('settingsForm.cancel')}
        </button>
      </div>
    </>
  );
}

interface ListEditorProps<T extends { id: string; name: string }> {
  items: T[];
  empty: string;
  newLabel: string;
  describe: (item: T) => string;
  /** The form for an item, or for a new one (null); `close` leaves the editor. */
  form: (item: T | null, close: () => void) => ReactNode;
}

/** A settings list: each item with an Edit button, a New button, and one form open at a time. */
export function SettingsListEditor<T extends { id: string; name: string }>({ items, empty, newLabel, describe, form }: ListEditorProps<T>) {
  const t = useT();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const close = () => setEditing(null);
  return (
    <>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="settings-list">
          {items.map((item) => (
            <li key={item.id}>
              <span>{describe(item)}</span>{' '}
              <button type="button" className="button button-secondary button-small" onClick={() => setEditing(item)}>
                {t('settingsForm.edit', { name: item.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing === null ? (
        <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
          {newLabel}
        </button>
      ) : (
        <div key={editing === 'new' ? 'new' : editing.id}>{form(editing === 'new' ? null : editing, close)}</div>
      )}
    </>
  );
}
