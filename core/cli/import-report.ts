import type { ImportSummary } from '../import/importer';
import { plural, type Output } from './output';

/** Prints what an import should make the user check: its encoding, repeated ids. */
export function describeWarnings(file: string, summary: ImportSummary, out: Output): void {
  for (const warning of summary.warnings) {
    out.error(`${file}: warning  ${warning.code}  ${warning.message}`);
  }
}

/** Prints the rows an import left out (the first ten, each with its line) and its warnings. */
export function describeImport(file: string, summary: ImportSummary, out: Output): void {
  describeWarnings(file, summary, out);
  if (summary.rejected === 0) return;
  out.error(
    `${file}: ${plural(summary.rejected, 'row')} left out, ${summary.imported.toLocaleString('en')} kept:`,
  );
  for (const problem of summary.problems.slice(0, 10)) {
    out.error(
      `  ${file}:${problem.line}  ${problem.code}${problem.column ? ` (${problem.column})` : ''}  ${problem.reason}`,
    );
  }
  if (summary.rejected > 10)
    out.error(`  … and ${(summary.rejected - 10).toLocaleString('en')} more`);
}
