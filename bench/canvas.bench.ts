// Canvas performance in headless Chromium against browser mode: how long a 500-node journey takes
// to open (library click → every card drawn), and the frame time while dragging a card, both with
// the whole journey in view and at 100 % zoom.
//
// Frame time is the renderer main thread's work for each drag step: from the task that handles
// the pointer move through the task that paints its frame, as CPU time from a Chromium trace.
// CPU time, because these machines are shared and wall-clock time there mostly measures the other
// jobs; the wall-clock latency of the same frames is printed beside it.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serializeJourney } from '../core/model/journey-file';
import { validateJourney } from '../core/validation/validate';
import type { startWeb as StartWeb } from '../scripts/web.mjs';
import { bigJourney } from './canvas-journey';
import { percentile } from './claim-order';

const NODES = 500;
const OPEN_RUNS = 5;
const DRAG_MOVES = 120;
const OPEN_BUDGET_MS = 1000;
const FRAME_BUDGET_MS = 16.7;

// Loaded at run time, not bundled: scripts/web.mjs finds the project from its own location.
const { startWeb } = (await import(
  pathToFileURL(join(process.cwd(), 'scripts', 'web.mjs')).href
)) as {
  startWeb: typeof StartWeb;
};

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

// In-page code is written as text: it runs in the browser, outside this program's Node types.
const READ_ZOOM = `Number(/scale\\(([\\d.]+)\\)/.exec(document.querySelector('.react-flow__viewport')?.style.transform ?? '')?.[1] ?? 1)`;

/**
 * Clicks the journey in the library and resolves, in milliseconds, when all its cards are drawn
 * (in the page, measured by React Flow, so visible) and the frame showing them has been produced.
 */
function openJourney(count: number): string {
  return `new Promise((resolve) => {
    const started = performance.now();
    document.querySelector('[data-testid="journey-bench-500"] .journey-open').click();
    const check = () => {
      const cards = document.querySelectorAll('.react-flow__node');
      const drawn = cards.length === ${count} && [...cards].every((c) => c.style.visibility !== 'hidden');
      if (drawn) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`;
}

/** Per drag step: main-thread CPU time and wall time from its input task to its painted frame. */
function framesOf(trace: TraceEvent[]): { cpu: number[]; wall: number[] } {
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of trace) {
    const key = `${event.pid}:${event.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), event]);
  }
  const moves = (e: TraceEvent) =>
    e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove';
  const main = [...byThread.values()].find((events) => events.some(moves)) ?? [];
  const complete = main.filter((e) => e.ph === 'X' && e.dur !== undefined);
  // Top-level tasks only (the scheduler nests task events).
  const candidates = complete
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: TraceEvent[] = [];
  let until = -1;
  for (const task of candidates) {
    if (task.ts >= until) {
      tasks.push(task);
      until = task.ts + (task.dur ?? 0);
    }
  }
  const inside = (task: TraceEvent, test: (e: TraceEvent) => boolean) =>
    complete.some((e) => e.ts >= task.ts && e.ts <= task.ts + (task.dur ?? 0) && test(e));
  const painted = (e: TraceEvent) =>
    e.name === 'Paint' || e.name === 'Layerize' || e.name === 'Commit';
  const inputs = tasks.filter((task) => inside(task, moves));
  const cpu: number[] = [];
  const wall: number[] = [];
  inputs.forEach((input, i) => {
    const next = inputs[i + 1]?.ts ?? Infinity;
    const frame = tasks.find((t) => t.ts >= input.ts && t.ts < next && inside(t, painted));
    const last = frame ?? input;
    const span = tasks.filter((t) => t.ts >= input.ts && t.ts <= last.ts);
    cpu.push(span.reduce((sum, t) => sum + (t.tdur ?? t.dur ?? 0), 0) / 1000);
    wall.push((last.ts + (last.dur ?? 0) - input.ts) / 1000);
  });
  return { cpu, wall };
}

async function zoomAt(page: Page, nodeId: string, target: number): Promise<string> {
  const zoom = () => page.evaluate<number>(READ_ZOOM);
  for (let i = 0; i < 40 && (await zoom()) < target; i++) {
    const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
    if (!box) break;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(60);
  }
  return `${Math.round((await zoom()) * 100)} %`;
}

async function drag(browser: Browser, page: Page, nodeId: string) {
  const card = page.locator(`.react-flow__node[data-id="${nodeId}"]`);
  const box = await card.boundingBox();
  if (!box) throw new Error(`${nodeId} is not visible`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 4, y + 4);
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'],
  });
  for (let i = 1; i <= DRAG_MOVES; i++) {
    await page.mouse.move(x + Math.sin(i / 12) * 120, y + i * 0.8);
  }
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  await page.mouse.up();
  const moved = await card.boundingBox();
  return { ...framesOf(trace.traceEvents), moved: Math.round((moved?.y ?? box.y) - box.y) };
}

const journey = bigJourney(NODES);
const validation = validateJourney(journey);
const dataDir = mkdtempSync(join(tmpdir(), 'js-bench-canvas-'));
const server = await startWeb({ port: 0, dataDir, quiet: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let failed = false;
try {
  const imported = await fetch(`http://127.0.0.1:${server.port}/api/importJourney`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ fileName: 'bench.json', text: serializeJourney(journey) }),
  });
  if (!imported.ok) throw new Error(`import failed: ${await imported.text()}`);
  console.log(
    `journey: ${journey.nodes.length} nodes, ${journey.edges.length} edges, ${validation.errors} errors; ` +
      `machine load average ${loadavg()[0]?.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`,
  );

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await page.getByTestId('library').waitFor();

  const opens: number[] = [];
  for (let run = 0; run < OPEN_RUNS; run++) {
    await page.getByTestId('journey-bench-500').waitFor();
    opens.push(await page.evaluate<number>(openJourney(journey.nodes.length)));
    if (run < OPEN_RUNS - 1) await page.getByRole('button', { name: 'Journeys' }).click();
  }
  const openMedian = percentile(opens, 50);
  console.log(
    `open ${journey.nodes.length} nodes: median ${ms(openMedian)} (budget ${OPEN_BUDGET_MS} ms); ` +
      `runs [${opens.map((t) => t.toFixed(0)).join(', ')}] ms, the first with a cold page`,
  );
  if (openMedian > OPEN_BUDGET_MS) {
    console.log(`FAIL: opening took ${ms(openMedian)}`);
    failed = true;
  }

  await page.waitForTimeout(300);
  const cases: [string, () => Promise<string>][] = [
    ['whole journey in view', () => Promise.resolve('fitted')],
    ['zoomed in', () => zoomAt(page, 'check-55', 1)],
  ];
  for (const [name, prepare] of cases) {
    const zoom = await prepare();
    await page.waitForTimeout(300);
    const result = await drag(browser, page, 'check-55');
    const p95 = percentile(result.cpu, 95);
    console.log(
      `drag, ${name} (${zoom}, ${await page.locator('.react-flow__node').count()} cards in the page): ` +
        `${result.cpu.length} frames, frame time p50 ${ms(percentile(result.cpu, 50))}, ` +
        `p95 ${ms(p95)}, max ${ms(Math.max(...result.cpu))} (budget p95 ${FRAME_BUDGET_MS} ms); ` +
        `wall-clock p50 ${ms(percentile(result.wall, 50))}, p95 ${ms(percentile(result.wall, 95))}; ` +
        `card moved ${result.moved} px`,
    );
    if (!(p95 <= FRAME_BUDGET_MS)) {
      console.log(`FAIL: drag frame time p95 ${ms(p95)} (${name})`);
      failed = true;
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
