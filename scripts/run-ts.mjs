// Runs a TypeScript entry point (benchmarks, maintenance scripts) through the same esbuild
// bundling as the CLI: `node scripts/run-ts.mjs bench/simulate.bench.ts [args]`.
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleNode } from './node-bundle.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args]');
  process.exit(2);
}
process.argv = [process.argv[0], entry, ...args];
const bundle = await bundleNode(entry, basename(entry).replace(/\.ts$/, ''));
await import(pathToFileURL(bundle).href);
