/**
 * The designer's side of the engine: the brand kit, the image library (with its clear refusals),
 * and a test send that reaches a local SMTP server as a real email would — the designed blocks,
 * the unsubscribe link, List-Unsubscribe headers, a plain-text alternative and the embedded image.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../../core/adapters/local-app';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import type { AppService } from '../../../core/app/app-service';
import { DEFAULT_BRAND_KIT } from '../../../core/email-design/brand-kit';
import { compileDesign } from '../../../core/email-design/compile-design';
import { librarySrc } from '../../../core/email-design/images';
import { SmtpSink } from '../adapters/email/smtp-sink';
import { designOf, FOOTER, ONE_OF_EACH } from '../email-design/designs';
import { png } from '../email-design/image-bytes';
import { callerOf, refusal } from './app-calls';

const open: AppService[] = [];
const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
  await Promise.all(sinks.splice(0).map((s) => s.stop()));
});

function service() {
  const app = createAppService({ db: openDatabase(':memory:'), eventApiPort: 0 });
  open.push(app);
  return callerOf(app);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function until<T>(read: () => T, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('brand kit', () => {
  it('starts neutral, saves, and refuses a logo that is not in the library', async () => {
    const call = service();
    expect(await call('getBrandSettings', {})).toEqual({
      kit: DEFAULT_BRAND_KIT,
      saved: false,
      publicBaseUrl: '',
    });
    const kit = { ...DEFAULT_BRAND_KIT, name: 'Nordic Shop', address: 'Sveavägen 12, Stockholm' };
    const saved = await call('saveBrandSettings', { kit });
    expect(saved).toEqual({ kit, saved: true, publicBaseUrl: '' });
    const bad = await refusal(
      call('saveBrandSettings', { kit: { ...kit, logo: { imageId: 'img-gone', width: 120 } } }),
    );
    expect(bad.message).toMatch(/logo is not in the image library/);
  });

  it('shows the library’s one public address, which only the library settings change', async () => {
    const call = service();
    await call('saveLibrarySettings', {
      ...(await call('getLibrarySettings', {})),
      publicUrl: 'https://mail.nordicshop.se/',
    });
    expect(await call('getBrandSettings', {})).toMatchObject({
      publicBaseUrl: 'https://mail.nordicshop.se',
    });
    const url = await refusal(
      call('saveBrandSettings', { kit: DEFAULT_BRAND_KIT, publicBaseUrl: 'https://other.se' }),
    );
    expect(url.message).toMatch(/publicBaseUrl/);
    expect((await call('getLibrarySettings', {})).publicUrl).toBe('https://mail.nordicshop.se');
  });
});

describe('image library', () => {
  it('keeps a picked image once, with its dimensions, and gives its bytes back', async () => {
    const call = service();
    const file = png(400, 120);
    const added = await call('addImage', { name: 'logo.png', data: base64(file) });
    expect(added).toMatchObject({
      name: 'logo.png',
      type: 'image/png',
      width: 400,
      height: 120,
      size: file.length,
    });
    expect(await call('addImage', { name: 'logo-again.png', data: base64(file) })).toEqual(added);
    expect(await call('listImages', {})).toEqual([added]);
    expect((await call('getImage', { id: added.id })).data).toBe(base64(file));
  });

  it('a broken file and a 20 MB file are refused with a clear message, and nothing is kept', async () => {
    const call = service();
    const broken = await refusal(
      call('addImage', { name: 'banner.png', data: base64(png(10, 10).slice(0, 12)) }),
    );
    expect(broken).toMatchObject({ code: 'invalid-request', field: 'data' });
    expect(broken.message).toMatch(
      /"banner\.png" is not a PNG, JPEG or GIF image that can be read/,
    );
    const huge = await refusal(
      call('addImage', { name: 'holiday.jpg', data: base64(png(3000, 2000, 20 * 1024 * 1024)) }),
    );
    expect(huge.message).toBe(
      '"holiday.jpg" is 20.0 MB; images up to 2.0 MB can be used in email. Save it smaller (1200 pixels wide, JPEG) and pick it again.',
    );
    expect(await call('listImages', {})).toEqual([]);
  });
});

describe('test send from the designer', () => {
  it('reaches the SMTP server with the blocks, unsubscribe link and headers, text alternative and embedded image', async () => {
    const call = service();
    const smtp = new SmtpSink();
    sinks.push(smtp);
    await smtp.start();
    await call('saveSmtpSettings', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      username: '',
      from: '',
    });
    const logo = await call('addImage', { name: 'logo.png', data: base64(png(200, 60)) });
    const design = designOf([
      { ...ONE_OF_EACH.image, src: librarySrc(logo.id), alt: 'Nordic Shop' },
      ONE_OF_EACH.heading,
      ONE_OF_EACH.button,
      FOOTER,
    ]);
    const { html, text } = await compileDesign(design);
    const sent = await call('sendTestMessage', {
      journeyId: 'cart',
      journeyName: 'Cart',
      nodeId: 'mail',
      to: 'me@example.com',
      config: {
        channel: 'email',
        from: 'Nordic Shop <shop@example.com>',
        subject: 'For {{ profile.first_name | default: "you" }}',
        html,
        text,
        design,
      },
      profile: { first_name: 'Liam' },
      event: {},
    });
    expect(sent).toMatchObject({ ok: true, via: 'smtp' });
    const [mail] = await until(
      () => smtp.received,
      (r) => r.length > 0,
    );
    const raw = mail!.raw;
    expect(raw).toContain('Subject: For Liam');
    expect(raw).toMatch(/List-Unsubscribe:\s+<http:\/\/127\.0\.0\.1:\d+\/u\/[^>]+>/);
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/plain/);
    expect(raw).toMatch(/Content-Type: image\/png; name=logo\.png/);
    expect(raw).toContain(`Content-ID: <${logo.id}@journey-studio>`);
    const decoded = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(decoded).toContain('Hi Liam');
    expect(decoded).toContain('Back to your cart');
    expect(decoded).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/u\/[^"]+"[^>]*>Unsubscribe<\/a>/);
  });

  it('with a public address, images are linked from it, and the event API serves them', async () => {
    const call = service();
    const smtp = new SmtpSink();
    sinks.push(smtp);
    await smtp.start();
    await call('saveSmtpSettings', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      username: '',
      from: '',
    });
    const file = png(200, 60);
    const logo = await call('addImage', { name: 'logo.png', data: base64(file) });
    await call('saveLibrarySettings', {
      ...(await call('getLibrarySettings', {})),
      publicUrl: 'https://mail.nordicshop.se',
    });
    const { html } = await compileDesign(
      designOf([{ ...ONE_OF_EACH.image, src: librarySrc(logo.id), alt: 'Logo' }, FOOTER]),
    );
    await call('sendTestMessage', {
      journeyId: 'cart',
      journeyName: 'Cart',
      nodeId: 'mail',
      to: 'me@example.com',
      config: { channel: 'email', from: 'shop@example.com', subject: 'Hosted', html },
      profile: {},
      event: {},
    });
    const [mail] = await until(
      () => smtp.received,
      (r) => r.length > 0,
    );
    const raw = mail!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(raw).toContain(`src="https://mail.nordicshop.se/i/${logo.id}"`);
    expect(raw).not.toContain('Content-ID:');
    const { eventApiUrl } = await call('getEngineInfo', {});
    const served = await fetch(`${eventApiUrl}/i/${logo.id}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(file);
    expect((await fetch(`${eventApiUrl}/i/img-0000000000000000`)).status).toBe(404);
  });

  it('without an SMTP server it goes into the outbox, and says so', async () => {
    const call = service();
    const { html } = await compileDesign(designOf([ONE_OF_EACH.heading, FOOTER]));
    const sent = await call('sendTestMessage', {
      journeyId: 'cart',
      journeyName: 'Cart',
      nodeId: 'mail',
      to: 'me@example.com',
      config: { channel: 'email', from: 'shop@example.com', subject: 'Hi', html },
      profile: {},
      event: {},
    });
    expect(sent).toMatchObject({ ok: true, via: 'outbox' });
    expect(sent.detail).toMatch(/Kept in the outbox for me@example\.com/);
    const { messages } = await call('listOutbox', { journeyId: 'cart' });
    expect(messages[0]).toMatchObject({ to: 'me@example.com', title: 'Hi', nodeId: 'mail' });
  });
  it('says which field cannot be rendered and why, with the facts to word it in any language', async () => {
    const call = service();
    const sent = await call('sendTestMessage', {
      journeyId: 'cart',
      journeyName: 'Cart',
      nodeId: 'mail',
      to: 'me@example.com',
      config: {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Hej {{ profile.first_name',
        html: '<p>Hej</p>',
      },
      profile: {},
      event: {},
    });
    expect(sent).toMatchObject({
      ok: false,
      render: {
        field: 'subject',
        problem: { problem: 'outputNotClosed', line: 1, column: 5, near: '{{ profile.first_name' },
      },
    });
    const { messages } = await call('listOutbox', { journeyId: 'cart' });
    expect(messages).toEqual([]);
  });
});
