/**
 * A journey run for real from the app: published and started from the run panel, an event
 * posted to the event API from outside, the email it causes in the embedded outbox (rendered in
 * a sandboxed frame), live counts on the canvas, a test event sent from the app, stop, and a
 * test send to a local SMTP server from the email settings.
 *
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/execution.test.ts` also writes
 * the screenshots in docs/ on the way.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '../core/adapters/email/smtp-sink';
import { node, startStudio, type Studio } from './studio';
import { importWelcome } from './welcome-journey';

const ROOT = join(import.meta.dirname, '..', '..');

/** Someone who signs up is seen waiting a day after the email. Its script must never run. */
const WELCOME = {
  timezone: 'UTC',
  html: '<h1>Hi {{ profile.first_name | default: "there" }}</h1><p>Glad you are here.</p><script>document.title = "ran"</script><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
  exit: true,
};

let studio: Studio;
let context: BrowserContext;
let page: Page;
const smtp = new SmtpSink();

async function screenshot(name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.screenshot({ path: join(ROOT, 'docs', `${name}.png`) });
}

const text = async (testId: string): Promise<string> =>
  (await page.getByTestId(testId).textContent()) ?? '';

beforeAll(async () => {
  studio = await startStudio();
  await smtp.start();
  await importWelcome(studio, WELCOME);
  ({ page, context } = await studio.open());
});

afterAll(async () => {
  await context?.close();
  await studio?.close();
  await smtp.stop();
});

describe('running a journey from the app', () => {
  it('publishes, starts, and an event posted to the API shows up as an email in the outbox', async () => {
    await page.getByTestId('journey-welcome').click();
    await node(page, 'hello').waitFor();
    await page.getByTestId('run-open').click();
    await page.getByTestId('run-panel').waitFor();
    await expect.poll(() => text('run-state')).toContain('Unpublished');

    await page.getByTestId('run-publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect.poll(() => text('run-state')).toContain('Ready');
    await page.getByTestId('run-start').click();
    await page.getByTestId('start-confirm').click();
    await expect.poll(() => text('run-state')).toContain('Running v1');
    expect(await page.getByTestId('run-publish').isDisabled()).toBe(true);

    // The event API's address and token, as a developer would copy them from the panel.
    await page.getByTestId('run-tab-api').click();
    const url = (await text('event-api-url')).trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await page.getByTestId('event-api-reveal').click();
    const token = (await text('event-api-token')).trim();
    expect(token.length).toBeGreaterThanOrEqual(16);
    const post = (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (
        await post('/v1/identify', {
          userId: 'ada',
          traits: { email: 'ada@example.com', first_name: 'Ada' },
        })
      ).status,
    ).toBe(200);
    expect((await post('/v1/track', { userId: 'ada', event: 'signup' })).status).toBe(200);
    const refused = await post('/v1/track', { userId: 'ada' });
    expect(refused.status).toBe(400);

    // Live counts arrive on the canvas without reloading: Ada waits a day after her email.
    await page.getByTestId('run-tab-live').click();
    await expect.poll(() => text('live-here-later'), { timeout: 15_000 }).toContain('1');
    await expect.poll(() => text('live-delivered-hello')).toContain('1');
    await expect.poll(() => text('run-entered')).toContain('1');
    await screenshot('run');

    await page.getByTestId('run-open-outbox').click();
    await page.getByTestId('outbox-view').waitFor();
    const rows = page.locator('[data-testid^="outbox-row-"]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-status')).toBe('delivered');
    expect(await rows.first().textContent()).toContain('Welcome, Ada!');
    await rows.first().click();
    await page.getByTestId('outbox-detail').waitFor();
    expect(await text('outbox-to')).toContain('ada@example.com');
    const frame = page.getByTestId('outbox-frame');
    // Sandboxed: no scripts, no same origin, nothing it can reach in the app.
    expect(await frame.getAttribute('sandbox')).toBe('');
    const body = page.frameLocator('[data-testid="outbox-frame"]').locator('body');
    await expect.poll(() => body.textContent()).toContain('Hi Ada');
    expect(await body.innerHTML()).not.toContain('<script');
    expect(await page.title()).not.toBe('ran');
    expect(await text('outbox-log')).toMatch(/delivered/i);
    await screenshot('outbox');
  });

  it('a test event sent from the app enters the journey; stop ends everyone inside', async () => {
    // Back from the outbox to the journey it was opened from.
    await page.getByTestId('outbox-back').click();
    await node(page, 'hello').waitFor();
    if (!(await page.getByTestId('run-panel').isVisible()))
      await page.getByTestId('run-open').click();
    await page.getByTestId('run-tab-test').click();
    await page.getByTestId('test-event-user').fill('bob');
    await page.getByTestId('test-event-name').fill('signup');
    await page.getByTestId('test-event-email').fill('bob@example.com');
    await page.getByTestId('test-event-add-property').click();
    await page.getByTestId('test-event-prop-value-0').fill('app');
    await page.getByTestId('test-event-send').click();
    // A value without a name is refused at its row and nothing is sent.
    await expect
      .poll(() => page.getByTestId('test-event-form').textContent())
      .toMatch(/give the value a name/);
    await page.getByTestId('test-event-prop-name-0').fill('source');
    await page.getByTestId('test-event-send').click();
    await page.getByTestId('run-tab-live').click();
    await expect.poll(() => text('live-here-later'), { timeout: 15_000 }).toContain('2');
    await expect.poll(() => text('live-delivered-hello')).toContain('2');

    await page.getByTestId('run-stop').click();
    expect(await text('run-stop-consequences')).toMatch(/2/);
    await page.getByTestId('run-stop-confirm').click();
    await expect.poll(() => text('run-state')).toContain('Stopped');
    await expect.poll(() => text('run-exited')).toContain('2');
    const execution = await studio.api<{ counts: { active: number; exited: number } }>(
      'getExecution',
      { journeyId: 'welcome' },
    );
    expect(execution.counts).toMatchObject({ active: 0, exited: 2 });
  });

  it('sends a test email to a local SMTP server from the email settings, keeping the password', async () => {
    await page.getByTestId('run-smtp-open').click();
    await page.getByTestId('smtp-form').waitFor();
    await page.getByLabel('Mail server').fill('127.0.0.1');
    // Port and encryption are connection details, folded away until asked for.
    await page.getByTestId('smtp-advanced').click();
    await page.getByTestId('smtp-security').selectOption('none');
    await page.getByLabel('Port').fill(String(smtp.port));
    await page.getByLabel('Password').fill('relay-secret-123');
    await page.getByTestId('smtp-save').click();
    await page.getByTestId('smtp-saved').waitFor();
    await expect.poll(() => text('smtp-password-state')).toMatch(/A password is kept/);
    // Once saved, the password is in no field and nowhere in the page.
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.content()).not.toContain('relay-secret-123');
    await page.getByTestId('smtp-test-to').fill('me@example.com');
    await page.getByTestId('smtp-test-send').click();
    const result = page.getByTestId('smtp-test-result');
    await expect.poll(() => result.getAttribute('data-ok'), { timeout: 20_000 }).toBe('true');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['me@example.com']);
    expect(smtp.received[0]!.raw).toContain('Journey Studio test email');
    await result.scrollIntoViewIfNeeded();
    await screenshot('smtp');
    const settings = await studio.api<Record<string, unknown>>('getSmtpSettings', {});
    expect(settings).toMatchObject({ host: '127.0.0.1', passwordSet: true });
    expect(JSON.stringify(settings)).not.toContain('relay-secret-123');
  });
});
