// `npm run bench [-- <name>...]`: runs the benchmarks in bench/ (all, or for each name the one
// called so — `forecast` is forecast.bench.ts, not portfolio-forecast.bench.ts — else those whose
// file name contains it) and prints their figures.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bundleCli, root } from './node-bundle.mjs';

const filters = process.argv.slice(2);
const all = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts'));
const named = (name) => {
  const exact = all.filter((f) => f === name || f === `${name}.ts` || f === `${name}.bench.ts`);
  return exact.length > 0 ? exact : all.filter((f) => f.includes(name));
};
const files = [...new Set(filters.length === 0 ? all : filters.flatMap(named))].sort();
if (files.length === 0) {
  console.error(`No benchmark matches ${filters.join(', ')}.`);
  process.exit(2);
}
// Benchmarks of the command line run the bundled CLI.
await bundleCli();
let failed = false;
for (const file of files) {
  console.log(`\n== ${file}`);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', join(root, 'scripts', 'run-ts.mjs'), join('bench', file)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
