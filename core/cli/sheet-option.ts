/** The `--sheet` option of the commands that read profile and event files. */
export const SHEET_OPTION = { sheet: { type: 'string' } } as const;

/**
 * The sheet `--sheet` asks for in a workbook (`.xlsx`, `.ods`) given to `--profiles` or `--events`:
 * a whole number is a position (1 is the first), anything else a sheet's name. Files that are not
 * workbooks ignore it.
 */
export function sheetChoice(value: string | undefined): { sheet?: string | number } {
  if (value === undefined) return {};
  return { sheet: /^[1-9]\d{0,5}$/.test(value.trim()) ? Number(value.trim()) : value };
}
