import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { startWeb, type WebServer } from '../../scripts/web.mjs';

/** Debian's Chromium, headless, without the background services that reach the network. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export interface Studio {
  server: WebServer;
  browser: Browser;
  dataDir: string;
  /** A fresh browser window on the app, already holding the token; `locale`: the system's language. */
  open(options?: { locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
  /** Calls the AppApi directly, as a second window would. */
  api<T = unknown>(method: string, input: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Browser mode on a free port with an empty data folder, and a Chromium to look at it. */
export async function startStudio(): Promise<Studio> {
  const dataDir = mkdtempSync(join(tmpdir(), 'js-e2e-'));
  const server = await startWeb({ port: 0, dataDir, eventApiPort: 0, quiet: true });
  const browser = await chromium.launch(CHROMIUM);
  return {
    server,
    browser,
    dataDir,
    async open({ locale } = {}) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        acceptDownloads: true,
        ...(locale && { locale }),
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      await page.goto(server.url);
      await page.getByTestId('library').waitFor();
      return { context, page };
    },
    async api<T>(method: string, input: unknown) {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
        body: JSON.stringify(input),
      });
      const envelope = (await response.json()) as { ok: boolean; value: T; error?: unknown };
      if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
      return envelope.value;
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const node = (page: Page, id: string): Locator => page.getByTestId(`node-${id}`);

/** Drags a step from the palette onto the canvas at a point of the canvas. */
export async function dropFromPalette(
  page: Page,
  kind: string,
  x: number,
  y: number,
): Promise<void> {
  await page
    .getByTestId(`palette-${kind}`)
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
  await node(page, kind).waitFor();
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Draws a connection with the mouse, from an exit of one step to another step's input. */
export async function connect(page: Page, from: string, port: string, to: Locator): Promise<void> {
  const start = await centre(
    node(page, from).locator(`.react-flow__handle.source[data-handleid="${port}"]`),
  );
  const end = await centre(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 10, start.y + 20, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
}

export const input = (page: Page, id: string): Locator =>
  node(page, id).locator('.react-flow__handle.target');

export async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The system locale a browser window opens with, for each of the app's languages. */
export const SYSTEM_LOCALE = { en: 'en-GB', sv: 'sv-SE', nb: 'nb-NO' } as const;
export type Language = keyof typeof SYSTEM_LOCALE;

const CATALOGS = join(import.meta.dirname, '..', '..', 'renderer', 'i18n', 'catalogs');

/**
 * A catalogue's text for an id without arguments, so one test finds buttons by their names in
 * every language.
 */
export function catalogue(language: Language): (id: string) => string {
  const texts = JSON.parse(readFileSync(join(CATALOGS, `${language}.json`), 'utf8')) as Record<
    string,
    string
  >;
  return (id) => {
    const text = texts[id];
    if (text === undefined) throw new Error(`no message ${id} in ${language}`);
    return text;
  };
}

/** A pattern matching text that starts with `text` as written. */
export const startsWith = (text: string): RegExp =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations on the page as it is, one line per rule with its elements. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForTimeout(300);
  // Evaluated through the debugging protocol: the app's CSP rightly refuses inline scripts.
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.evaluate(AXE);
  const results = await page.evaluate<AxeResults>('axe.run(document)');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.nodes
          .slice(0, 6)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
          .join(' | ')}`,
    );
}
