import type { Ref } from 'react';
import { HONEYPOT_FIELD } from '@shared/responses/response-constants';

/** The hidden field only bots fill in; the server flags a response that has it filled (bot-flags.ts). */
export function HoneypotField({ label, inputRef }: { label: string; inputRef: Ref<HTMLInputElement> }) {
  return (
    <div className="respond-honeypot" aria-hidden="true">
      <label>
        {label}
        <input ref={inputRef} type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
