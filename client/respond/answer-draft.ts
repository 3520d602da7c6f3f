import { isPlainObject } from '@shared/survey-definition/plain-object';
import { newSubmissionId } from './submission-id';

/**
 * A customer's answers in progress, kept in localStorage as they answer so a reload, a crash or a
 * dropped connection loses nothing. One draft per survey link (slug, plus the personal token).
 */
export interface AnswerDraft {
  version: number;
  answers: Record<string, unknown>;
  pageNo: number;
  /** When the customer first opened the survey (epoch ms), for the fill time the server checks. */
  startedAt: number;
  /** Kept with the answers so a resend after a reload is recognised as the same submission. */
  submissionId: string;
}

/**
 * Checked by hand rather than with zod, which the page loads only after the first paint: the draft is
 * this page's own writing, and its answers pass the shared validator and the server before they count.
 */
function isAnswerDraft(value: unknown): value is AnswerDraft {
  if (!isPlainObject(value)) return false;
  const { version, answers, pageNo, startedAt, submissionId } = value;
  return (
    Number.isInteger(version) &&
    isPlainObject(answers) &&
    Number.isInteger(pageNo) &&
    (pageNo as number) >= 0 &&
    Number.isFinite(startedAt) &&
    typeof submissionId === 'string' &&
    submissionId !== ''
  );
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function draftKey(slug: string, token?: string): string {
  return `touchpoint.respond.${slug}${token ? `.${token}` : ''}`;
}

export function newDraft(version: number, now = Date.now()): AnswerDraft {
  return { version, answers: {}, pageNo: 0, startedAt: now, submissionId: newSubmissionId() };
}

/** The saved draft, or null when there is none or it is unreadable. Storage may be blocked (private mode). */
export function loadDraft(key: string, storage: DraftStorage | undefined = safeLocalStorage()): AnswerDraft | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const draft: unknown = JSON.parse(raw);
    return isAnswerDraft(draft) ? draft : null;
  } catch {
    return null;
  }
}

/** Saves the draft; false when storage refused (full or blocked), in which case answers live only in the page. */
export function saveDraft(key: string, draft: AnswerDraft, storage: DraftStorage | undefined = safeLocalStorage()): boolean {
  try {
    storage?.setItem(key, JSON.stringify(draft));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function clearDraft(key: string, storage: DraftStorage | undefined = safeLocalStorage()): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: a draft that stays behind is replaced on the next visit.
  }
}

/** localStorage, or undefined where the browser blocks it (some private modes throw on access). */
export function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
