/**
 * CSV as RFC 4180 describes it (CRLF line ends, fields with a comma, quote or line break in
 * double quotes, quotes doubled), safe to open in a spreadsheet: a cell that starts with
 * = + - @ (or a tab or carriage return, which some spreadsheets skip before such a character)
 * would be run as a formula, so it gets a leading apostrophe, as OWASP recommends.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and data rows; every row ends with CRLF, including the last one. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
