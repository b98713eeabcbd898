// `serve` as users run it (the bundled command line, the event API on its own thread), with and
// without a console connected: single /v1/track calls over loopback, each acknowledged once
// committed, while a console holds the event stream open and asks for the run panel's figures
// and the outbox every half second, as the desktop app's run panel does.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CART_JOURNEY, load, machine, perSecond, TOKEN } from './exec-load';

const cli = join(import.meta.dirname, 'cli.mjs');
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

function serve(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--db', db, '--port', '0', '--token', TOKEN],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env } },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Event API\s+(http:\/\/\S+)/.exec(out)?.[1];
      if (url && out.includes('Press Ctrl+C')) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

/** CPU seconds a process has used (user and system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function call(url: string, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body)}`);
  return body;
}

/** The desktop app's run panel: the event stream, and its figures asked for twice a second. */
function runPanel(url: string): { stop: () => Promise<number> } {
  const abort = new AbortController();
  let calls = 0;
  const stream = fetch(`${url}/api/events`, { headers: auth, signal: abort.signal })
    .then(async (response) => {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) void chunk;
    })
    .catch(() => undefined);
  const asking = (async () => {
    while (!abort.signal.aborted) {
      await call(url, 'getExecution', { journeyId: CART_JOURNEY.id });
      await call(url, 'listOutbox', { journeyId: CART_JOURNEY.id });
      calls += 2;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  return {
    stop: async () => {
      abort.abort();
      await Promise.all([stream, asking]);
      return calls;
    },
  };
}

for (const withConsole of [false, true, false, true]) {
  const db = join(mkdtempSync(join(tmpdir(), 'js-bench-console-')), 'engine.db');
  const { child, url } = await serve(db);
  await call(url, 'saveJourney', { journey: CART_JOURNEY });
  await call(url, 'publishJourney', { journeyId: CART_JOURNEY.id });
  await call(url, 'setExecutionState', { journeyId: CART_JOURNEY.id, state: 'running' });
  const panel = withConsole ? runPanel(url) : undefined;
  const cpu = cpuSeconds(child.pid!);
  const average = machine();
  const result = await load(url, { connections: 256, seconds: 8 });
  const used = cpuSeconds(child.pid!) - cpu;
  const calls = (await panel?.stop()) ?? 0;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  console.log(
    `${withConsole ? 'console on ' : 'no console '}: ${perSecond(result.events, result.seconds)} events/s acknowledged ` +
      `(${result.events.toLocaleString('en')} in ${result.seconds.toFixed(1)} s, ${result.failed} failed; ` +
      `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms)` +
      `${withConsole ? `; ${calls} console calls answered meanwhile` : ''}; ` +
      `serve used ${used.toFixed(1)} CPU s in ${result.seconds.toFixed(1)} s; ${average}`,
  );
}
