import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { localizedText, type UiLocale } from '@shared/survey-definition/survey-locale';
import type { ExportSink } from './response-export';

/** Number format of the submittedAt column: Excel shows the UTC date-time and sorts/filters it as a date. */
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * XLSX through exceljs's streaming writer: each row is committed (serialised and zipped) as it comes,
 * so only the current row is held; numbers stay numbers, submittedAt is a date cell, and question
 * headers are their titles in `lang` (the question name when a title is missing).
 */
export function xlsxSink(res: Response, lang: UiLocale): ExportSink {
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter | undefined;
  let sheet: ExcelJS.Worksheet | undefined;
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
      // The writer pipes to `res` without back-pressure of its own; the response's buffer tells when to wait.
      return !res.writableNeedDrain;
    },
    async finish() {
      sheet?.commit();
      await workbook?.commit();
    },
  };
}
