// `npm run web -- [--port <n>] [--data <dir>] [--token <t>]`: Journey Studio in a browser, served
// on 127.0.0.1 from the local engine. Builds the renderer and the server first when they are stale.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { bundleNode, root } from './node-bundle.mjs';

const RENDERER_OUT = join(root, 'out', 'renderer');
const STAMP = join(RENDERER_OUT, '.built');

/** Newest modification time under `dir`, skipping folders the renderer never imports. */
function newest(dir, skip = new Set()) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skip.has(path)) continue;
    latest = Math.max(latest, entry.isDirectory() ? newest(path, skip) : statSync(path).mtimeMs);
  }
  return latest;
}

function rendererIsFresh() {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  const inputs = Math.max(
    newest(join(root, 'renderer')),
    newest(
      join(root, 'core'),
      new Set([join(root, 'core', 'adapters'), join(root, 'core', 'cli')]),
    ),
    newest(join(root, 'assets', 'templates')),
    statSync(join(root, 'vite.config.ts')).mtimeMs,
    statSync(join(root, 'package-lock.json')).mtimeMs,
  );
  return inputs <= built;
}

/** Builds the renderer (vite) and the server bundle (esbuild) when their sources changed. */
export async function prepareWeb({ quiet = false } = {}) {
  if (!rendererIsFresh()) {
    if (!quiet) console.log('Building the app…');
    const { build } = await import('vite');
    // Vite and its React plugin keep NODE_ENV when it is set, and test runners set it to "test":
    // the app would then be built with React's development runtime, slow and large.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: join(root, 'vite.config.ts'),
        logLevel: quiet ? 'silent' : 'warn',
      });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    writeFileSync(STAMP, new Date().toISOString());
  }
  return bundleNode('core/adapters/http/app-server.ts', 'app-server');
}

/**
 * Starts browser mode and returns `{ url, port, token, dataDir, close }`. `npm start` falls back
 * to this where no desktop window can open.
 */
export async function startWeb({ port = 0, dataDir, token, eventApiPort, quiet = false } = {}) {
  const bundle = await prepareWeb({ quiet });
  const { startBrowserMode } = await import(pathToFileURL(bundle).href);
  const secret = token ?? process.env.JOURNEY_STUDIO_TOKEN ?? randomBytes(24).toString('base64url');
  const server = await startBrowserMode({
    port,
    token: secret,
    staticDir: RENDERER_OUT,
    ...(dataDir !== undefined && { dataDir }),
    ...(eventApiPort !== undefined && { eventApiPort }),
  });
  return { ...server, token: secret };
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5317' },
      data: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run web -- [--port <n>] [--data <dir>] [--token <token>]');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, not "${values.port}".`);
    process.exit(2);
  }
  // An empty token would let every request that presents an empty one in.
  if (
    values.token === '' ||
    (values.token === undefined && process.env.JOURNEY_STUDIO_TOKEN === '')
  ) {
    console.error(
      `${values.token === '' ? '--token' : 'JOURNEY_STUDIO_TOKEN'} is empty: give a token, or leave it out for a new one.`,
    );
    process.exit(2);
  }
  let server;
  try {
    server = await startWeb({ port, dataDir: values.data, token: values.token });
  } catch (error) {
    if (error?.code === 'EADDRINUSE') {
      console.error(`Port ${port} is in use; pick another with --port <n> (0 picks a free one).`);
      process.exit(1);
    }
    // A damaged database, or one a newer version wrote: the message says what to do.
    if (error?.code === 'database-unusable') {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  console.log(`Journey Studio is running on this computer only (data: ${server.dataDir}).`);
  console.log(`Open this address in your browser:\n\n  ${server.url}\n`);
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
