import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventApi } from '../../../../core/adapters/http/event-api';
import { shopWebhookRoute } from '../../../../core/adapters/http/shop-webhook-route';
import { openDatabase } from '../../../../core/adapters/sqlite/database';
import { SqliteEngineStore } from '../../../../core/adapters/sqlite/engine-store';

const T = Date.parse('2026-05-01T10:00:00Z');
const SHOPIFY_SECRET = 'shpss_0123456789abcdef0123456789abcdef';
const WOO_SECRET = 'woo-webhook-secret';

const raw = (name: string) =>
  readFileSync(join(__dirname, '../../../fixtures/webhooks', `${name}.json`));
const sign = (secret: string, body: Buffer) =>
  createHmac('sha256', secret).update(body).digest('base64');

let api: EventApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start() {
  const db = openDatabase(':memory:');
  const store = new SqliteEngineStore(db, { now: () => T });
  const ingest = (inputs: Parameters<SqliteEngineStore['accept']>[0]) =>
    store.transaction(() => store.accept(inputs, T));
  api = new EventApi({
    ingest,
    token: 'a-test-token-of-some-length',
    webhooks: shopWebhookRoute({ shopify: SHOPIFY_SECRET, woocommerce: WOO_SECRET }, ingest),
  });
  const url = await api.listen();
  const stored = () => store.pendingInputs(100).map((item) => item.input);
  return { url, stored };
}

async function post(url: string, path: string, body: Buffer, headers: Record<string, string>) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('shop webhooks on the event API', () => {
  it('stores a Shopify order signed with the shop secret, once however often it is sent', async () => {
    const { url, stored } = await start();
    const body = raw('shopify-orders-create');
    const headers = {
      'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, body),
      'x-shopify-topic': 'orders/create',
      'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    };
    const first = await post(url, '/v1/webhooks/shopify', body, headers);
    expect(first).toEqual({ status: 200, json: { success: true, accepted: 2 } });
    const retried = await post(url, '/v1/webhooks/shopify', body, headers);
    expect(retried).toEqual({ status: 200, json: { success: true, accepted: 0 } });
    expect(stored().map((i) => i.type)).toEqual(['identify', 'track']);
    expect(stored()[1]).toMatchObject({
      event: { name: 'Order Completed', profileId: 'jon@example.com' },
    });
  });

  it('refuses a wrong or missing signature with 401 and stores nothing', async () => {
    const { url, stored } = await start();
    const body = raw('shopify-checkouts-create');
    const wrong = await post(url, '/v1/webhooks/shopify', body, {
      'x-shopify-hmac-sha256': sign('another-secret', body),
      'x-shopify-topic': 'checkouts/create',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ error: { code: 'bad-signature' } });
    // The right signature over a changed body.
    const changed = Buffer.from(body.toString().replace('398.00', '1.00'));
    const tampered = await post(url, '/v1/webhooks/shopify', changed, {
      'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, body),
      'x-shopify-topic': 'checkouts/create',
    });
    expect(tampered.status).toBe(401);
    const missing = await post(url, '/v1/webhooks/woocommerce', raw('woocommerce-order-created'), {
      'x-wc-webhook-topic': 'order.created',
    });
    expect(missing.status).toBe(401);
    expect(stored()).toEqual([]);
  });

  it('stores a signed WooCommerce order, answers its ping, and names what it leaves out', async () => {
    const { url, stored } = await start();
    const body = raw('woocommerce-order-created');
    const ok = await post(url, '/v1/webhooks/woocommerce', body, {
      'x-wc-webhook-signature': sign(WOO_SECRET, body),
      'x-wc-webhook-topic': 'order.created',
      'x-wc-webhook-delivery-id': '41',
    });
    expect(ok).toEqual({ status: 200, json: { success: true, accepted: 2 } });
    const ping = Buffer.from('webhook_id=12');
    expect(
      (
        await post(url, '/v1/webhooks/woocommerce', ping, {
          'x-wc-webhook-signature': sign(WOO_SECRET, ping),
        })
      ).status,
    ).toBe(200);
    const coupon = Buffer.from('{"id":5}');
    const ignored = await post(url, '/v1/webhooks/woocommerce', coupon, {
      'x-wc-webhook-signature': sign(WOO_SECRET, coupon),
      'x-wc-webhook-topic': 'coupon.created',
    });
    expect(ignored.json.accepted).toBe(0);
    expect(ignored.json.ignored).toMatch(/coupon\.created/);
    expect(stored()).toHaveLength(2);
  });

  it('says when a shop is not set up, and which shops there are', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteEngineStore(db);
    api = new EventApi({
      ingest: (inputs) => store.accept(inputs, T),
      token: 'a-test-token-of-some-length',
      webhooks: shopWebhookRoute({}, (inputs) => store.accept(inputs, T)),
    });
    const url = await api.listen();
    const body = Buffer.from('{}');
    expect((await post(url, '/v1/webhooks/shopify', body, {})).json).toMatchObject({
      error: { code: 'webhook-not-set-up' },
    });
    expect((await post(url, '/v1/webhooks/magento', body, {})).status).toBe(404);
  });
});
