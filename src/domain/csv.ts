// CSV as this project writes it, for the moderators' export and the open data alike:
// people open these files in a spreadsheet, which runs some cells as formulas.
import { stringify } from 'csv-stringify/sync'

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return
 * before them) as a formula: such cells get a leading apostrophe, which spreadsheets
 * show as text. csv-stringify does not do this.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** Rows as CSV lines, no cell of which a spreadsheet would run. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return stringify(rows.map((row) => row.map(neutraliseFormula)))
}
