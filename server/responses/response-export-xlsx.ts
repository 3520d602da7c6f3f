import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Response } from 'express';
import { localizedText, type UiLocale } from '@shared/survey-definition/survey-locale';
import type { ExportSink } from './response-export';

/** Number format of the submittedAt column: Excel shows the UTC date-time and sorts/filters it as a date. */
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Bytes allowed to wait in the deflate stage before rows stop being added. */
const MAX_PENDING_BYTES = 256 * 1024;

/** A stream the export can wait on: node's or readable-stream@2's (which archiver uses), told apart by shape. */
interface PendingStage {
  stream: Writable;
  pendingBytes: () => number;
}

/**
 * The stream a worksheet's buffer writes into (a PassThrough into the zip entry). exceljs keeps it in
 * `stream.pipes`, which its typings do not show; null if a future version stores it elsewhere, so the
 * export falls back to waiting on the response alone (bench:xlsx would show memory growing again).
 */
function zipStageOf(sheet: ExcelJS.Worksheet | undefined): PendingStage | null {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown[] } } | undefined)?.stream?.pipes;
  const stage = (Array.isArray(pipes) ? pipes[0] : undefined) as (Writable & { _writableState?: { length?: unknown } }) | undefined;
  if (typeof stage?.once !== 'function') return null;
  if (typeof stage.writableLength === 'number') return { stream: stage, pendingBytes: () => stage.writableLength };
  if (typeof stage._writableState?.length === 'number') return { stream: stage, pendingBytes: () => Number(stage._writableState?.length) };
  return null;
}

/**
 * XLSX through exceljs's streaming writer: each row is committed (serialised and zipped) as it comes,
 * so only the current row is held; numbers stay numbers, submittedAt is a date cell, and question
 * headers are their titles in `lang` (the question name when a title is missing).
 */
export function xlsxSink(res: Response, lang: UiLocale): ExportSink {
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter | undefined;
  let sheet: ExcelJS.Worksheet | undefined;
  let zipStage: PendingStage | null = null;
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    start(columns) {
      // Made here, not earlier: the writer starts writing zip entries at once, and the headers go first.
      workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
      sheet = workbook.addWorksheet('Responses', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((column) => ({
        header: (column.title === undefined ? '' : localizedText(column.title, lang)) || column.header,
        key: column.name,
        ...(column.name === 'submittedAt' ? { style: { numFmt: DATE_TIME_FORMAT }, width: 20 } : {}),
      }));
      sheet.getRow(1).commit();
    },
    row(values) {
      // No answer is an empty cell (the CSV's empty text), not a cell holding "".
      sheet?.addRow(values.map((value) => (value === '' || value === undefined ? null : value))).commit();
      // exceljs writes each sheet's 64 KB blocks into the zip entry without waiting for it (its StreamBuf
      // ignores back-pressure), so unchecked the rows pile up there faster than deflate and the socket
      // take them. Wait for that stage (its 'drain' comes once it is below its high-water mark), then
      // for the response itself.
      zipStage ??= zipStageOf(sheet);
      if (zipStage && zipStage.pendingBytes() > MAX_PENDING_BYTES) return zipStage.stream;
      return res.writableNeedDrain ? res : null;
    },
    async finish() {
      sheet?.commit();
      await workbook?.commit();
    },
  };
}
