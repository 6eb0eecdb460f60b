import ExcelJS from 'exceljs';
import { cellText, toTable } from './table.ts';
import type { Table } from './table.ts';
import { unreadable } from './unreadable.ts';

/** The first worksheet with data, as text cells; merged title cells above the header are skipped by toTable. */
export async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable('is not a readable Excel (.xlsx) workbook');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw unreadable('has no sheet with data');
  const cells: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[]; // 1-based: values[0] is empty
    cells.push(values.slice(1).map(cellText));
  });
  const table = toTable(cells.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? '')));
  if (table.headers.filter((h) => h !== '').length < 2)
    throw unreadable('has a single column: a date and an amount at least are needed');
  if (table.rows.length === 0) throw unreadable('has a header row and no lines');
  return table;
}
