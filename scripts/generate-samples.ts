// Writes the starter journeys' sample data into assets/samples/<id>/ (deterministic; a test
// checks the committed files match): `node scripts/run-ts.mjs scripts/generate-samples.ts`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allSamples } from './samples/all-samples';

// Run from the project folder: the script is bundled into out/ first, so its own location says
// nothing about where the assets are.
const root = process.cwd();
if (!existsSync(join(root, 'assets', 'templates'))) {
  console.error('Run this from the project folder.');
  process.exit(2);
}
for (const [path, text] of allSamples()) {
  mkdirSync(join(root, dirname(path)), { recursive: true });
  writeFileSync(join(root, path), text);
  console.log(`${path}  ${text.split('\n').length - 2} rows`);
}
