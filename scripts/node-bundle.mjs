// Bundles a Node entry point of the engine (CLI, browser-mode server) with esbuild, and skips
// the build when no input has changed since the last one.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Packages loaded from node_modules at run time: native code, or large and already CommonJS. */
const EXTERNAL = [
  'better-sqlite3',
  'nodemailer',
  'smtp-server',
  'playwright-core',
  'esbuild',
  'vite',
];

function isFresh(outfile, metafile) {
  if (!existsSync(outfile) || !existsSync(metafile)) return false;
  const built = statSync(outfile).mtimeMs;
  const inputs = [
    ...Object.keys(JSON.parse(readFileSync(metafile, 'utf8')).inputs),
    // The build settings and the dependency set count as inputs too.
    'scripts/node-bundle.mjs',
    'package-lock.json',
  ];
  return inputs.every(
    (input) => existsSync(join(root, input)) && statSync(join(root, input)).mtimeMs <= built,
  );
}

/** Replaces `path` in one step: a reader finds the old file or the new one, never a part. */
function writeWhole(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Builds `entry` (relative to the project) into out/node/<name>.mjs when stale; returns its path. */
export async function bundleNode(entry, name) {
  const outfile = join(root, 'out', 'node', `${name}.mjs`);
  const metafile = join(root, 'out', 'node', `${name}.meta.json`);
  if (isFresh(outfile, metafile)) return outfile;
  const result = await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    // Written by us, each file whole under a temporary name and then renamed: several processes
    // may find the bundle stale at once (tests start command lines in parallel), and one must
    // never import a file another is still writing.
    write: false,
    logLevel: 'warning',
    absWorkingDir: root,
    external: EXTERNAL,
    // Prefer ES builds: some packages (jsonc-parser) ship UMD as `main`, which does not bundle.
    mainFields: ['module', 'main'],
    // CommonJS dependencies bundled into an ES module still call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  mkdirSync(dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) writeWhole(file.path, file.contents);
  writeWhole(metafile, JSON.stringify(result.metafile));
  return outfile;
}

/**
 * Builds the command line (out/node/cli.mjs) and, beside it, the script its simulation threads
 * start from (simulation-thread.mjs): a thread then loads only what it simulates, not the whole
 * command line. Returns the command line's path.
 */
export async function bundleCli() {
  const [cli] = await Promise.all([
    bundleNode('core/cli/bin.ts', 'cli'),
    bundleNode('core/cli/simulation-thread.ts', 'simulation-thread'),
  ]);
  return cli;
}
