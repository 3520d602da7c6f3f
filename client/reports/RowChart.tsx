import { CHART_COLORS, ChartFigure, type DataTable } from '../dashboard/ChartFigure';
import { rowChartLayout, type ChartRow, type ChartScale } from './row-chart';

const INK = '#1f2937';
const GRID = '#d6dbe3';

/**
 * One report chart (layout in row-chart.ts): a row per item, a dot with its interval or a bar from zero,
 * the target as a dark tick, the previous period as a thin pale bar. Drawn in plain SVG so it prints
 * crisp on A4; the numbers are in the figure's table for screen readers.
 */
export function RowChart({ caption, rows, scale, kind, table, format }: { caption: string; rows: readonly ChartRow[]; scale: ChartScale; kind: 'dot' | 'bar'; table: DataTable; format: (value: number) => string }) {
  const layout = rowChartLayout(rows, scale, kind);
  const { plot } = layout;
  return (
    <ChartFigure caption={caption} table={table}>
      <svg className="report-chart" viewBox={`0 0 ${layout.width} ${layout.height}`} role="presentation" focusable="false">
        {layout.ticks.map((tick) => (
          <g key={tick.value} data-tick={tick.value}>
            <line x1={tick.x} x2={tick.x} y1={plot.top} y2={plot.bottom} stroke={GRID} strokeWidth={tick.value === 0 ? 1.5 : 1} />
            <text x={tick.x} y={plot.bottom + 15} fontSize={11} textAnchor="middle" fill={INK}>
              {format(tick.value)}
            </text>
          </g>
        ))}
        {layout.rows.map((row) => (
          <g key={row.label} data-row={row.label}>
            <text x={plot.left - 8} y={row.y + 4} fontSize={12} textAnchor="end" fill={INK}>
              {row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}
            </text>
            {row.previousBar && <rect x={row.previousBar.x} y={row.y + 3} width={row.previousBar.width} height={6} fill={CHART_COLORS.band} data-part="previous" />}
            {row.bar && <rect x={row.bar.x} y={row.y - 9} width={row.bar.width} height={row.previousBar ? 11 : 16} fill={row.missed ? CHART_COLORS.detractor : CHART_COLORS.primary} data-part="bar" />}
            {row.whisker && <line x1={row.whisker[0]} x2={row.whisker[1]} y1={row.y} y2={row.y} stroke={INK} strokeWidth={1.5} data-part="interval" />}
            {kind === 'dot' && row.x !== null && <circle cx={row.x} cy={row.y} r={5} fill={row.missed ? CHART_COLORS.detractor : CHART_COLORS.primary} stroke="#fff" data-part="value" />}
            {row.targetX !== null && <line x1={row.targetX} x2={row.targetX} y1={row.y - 11} y2={row.y + 11} stroke={INK} strokeWidth={3} data-part="target" />}
          </g>
        ))}
      </svg>
    </ChartFigure>
  );
}
