import { useMemo } from 'react';
import type { SelectHTMLAttributes } from 'react';
import { browserTimeZone, timeZoneOptions } from './distribution-form';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & { value: string; onChange: (timezone: string) => void };

/** Every IANA zone the browser knows, the browser's own and UTC always among them. */
export function TimeZoneSelect({ value, onChange, ...rest }: Props) {
  const zones = useMemo(() => timeZoneOptions([browserTimeZone(), value]), [value]);
  return (
    <select value={value} onChange={(event) => onChange(event.target.value)} {...rest}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </select>
  );
}
