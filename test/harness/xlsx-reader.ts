import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A cell as the independent reader sees it: number, string, boolean or date (ISO, UTC). */
export type ReadCell = { t: 'n'; v: number } | { t: 's'; v: string } | { t: 'b'; v: boolean } | { t: 'd'; v: string } | null;

const SCRIPT = fileURLToPath(new URL('./read-xlsx.py', import.meta.url));

/**
 * Reads an XLSX with Python's zipfile + ElementTree (read-xlsx.py), not with the library that wrote it,
 * so a test compares what any spreadsheet program would find in the file.
 */
export function readXlsx(file: Buffer): Record<string, ReadCell[][]> {
  const run = spawnSync('python3', [SCRIPT], { input: file, maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`read-xlsx.py failed: ${run.stderr.toString()}`);
  return JSON.parse(run.stdout.toString()) as Record<string, ReadCell[][]>;
}

/** A cell's plain value (null for an empty cell). */
export const cellValue = (cell: ReadCell | undefined): string | number | boolean | null => (cell ? cell.v : null);
