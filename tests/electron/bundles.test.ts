import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildShell } from '../../scripts/electron-build.mjs';

const require = createRequire(import.meta.url);
const out = mkdtempSync(join(tmpdir(), 'shell-bundles-'));

beforeAll(async () => {
  await buildShell({
    outDir: out,
    appServiceSource: 'tests/electron/fixtures/stub-app-service.ts',
  });
}, 60_000);

/**
 * Runs the built engine process under this machine's Node, with a parent port that plays main:
 * it sends `messages` in order, answers secret requests, and records what the host sends back.
 */
function runEngine(dataDir: string, messages: unknown[]) {
  const shim = join(out, 'run-engine.cjs');
  writeFileSync(
    shim,
    `const { EventEmitter } = require('node:events');
const port = new EventEmitter();
const script = ${JSON.stringify(messages)};
port.postMessage = (message) => {
  console.log(JSON.stringify(message));
  if (message.type === 'secret') {
    port.emit('message', { data: { type: 'secret-reply', id: message.id, ok: true, value: 'hunter2' } });
  }
  if (message.type === 'ready') for (const data of script) port.emit('message', { data });
};
process.parentPort = port;
require(${JSON.stringify(join(out, 'engine.cjs'))});
port.emit('message', { data: ${JSON.stringify({
      type: 'init',
      dataDir,
      databaseFile: join(dataDir, 'journey-studio.db'),
      nativeBinding: require.resolve('better-sqlite3/build/Release/better_sqlite3.node'),
    })} });
`,
  );
  const result = spawnSync(process.execPath, [shim], { encoding: 'utf8', timeout: 30_000 });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; id?: number; envelope?: unknown });
}

describe('the built shell', () => {
  it('has a preload that requires nothing but electron and carries no zod', () => {
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/ZodError|ipcRenderer\.send\(/);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('has an engine process that opens a real database with the binding it is given', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'engine-data-'));
    const sent = runEngine(dataDir, [
      { type: 'call', id: 1, method: 'listJourneys', input: {} },
      { type: 'call', id: 2, method: 'listTemplates', input: {} },
      { type: 'stop' },
    ]);
    expect(sent[0]).toEqual({ type: 'ready' });
    const first = sent.find((message) => message.type === 'result' && message.id === 1);
    expect(first?.envelope).toMatchObject({ ok: true });
    expect(JSON.stringify(first?.envelope)).toContain('journeys');
    const second = sent.find((message) => message.type === 'result' && message.id === 2);
    expect(second?.envelope).toMatchObject({ ok: true, value: [{ name: 'hunter2' }] });
    expect(sent.at(-1)).toEqual({ type: 'stopped' });
  });

  it('reports a database it cannot open instead of crashing', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'engine-data-'));
    writeFileSync(
      join(dataDir, 'journey-studio.db'),
      'this is not a database, just text '.repeat(200),
    );
    const sent = runEngine(dataDir, [{ type: 'stop' }]);
    expect(sent[0]).toMatchObject({
      type: 'fatal',
      message: expect.stringMatching(/not a database/) as unknown,
    });
  });
});
