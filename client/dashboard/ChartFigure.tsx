import { useId } from 'react';
import type { ReactNode } from 'react';

export interface DataTable {
  headers: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/**
 * A chart with its text alternative: a visible caption, the drawing hidden from assistive technology,
 * and the same numbers in a table that screen readers read (visually hidden unless `showTable`).
 */
export function ChartFigure({ caption, table, showTable = false, children }: { caption: string; table: DataTable; showTable?: boolean; children: ReactNode }) {
  const captionId = useId();
  return (
    <figure className="chart-figure" aria-labelledby={captionId}>
      <figcaption id={captionId} className="hint">
        {caption}
      </figcaption>
      <div className="chart-canvas" aria-hidden="true">
        {children}
      </div>
      <table className={showTable ? 'data-table chart-table' : 'visually-hidden'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(([first, ...rest], index) => (
            <tr key={`${first}-${index}`}>
              <th scope="row">{first}</th>
              {rest.map((cell, cellIndex) => (
                <td key={cellIndex}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Colours with at least 3:1 contrast on white, told apart by more than hue where it matters. */
export const CHART_COLORS = {
  primary: '#1a56b8',
  band: '#9db8e6',
  promoter: '#1d7a3c',
  passive: '#8a6d00',
  detractor: '#a4161a',
  expectation: '#5a6b85',
  perception: '#1a56b8',
} as const;
