import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AcceptOutcome, EngineInput } from '../../executor/ports';
import { isShopPlatform, mapShopWebhook, type ShopPlatform } from '../../import/shop-webhooks';
import { readBody, sendJson } from './http-exchange';

/** The signing secret of each shop whose webhooks are taken. */
export type ShopSecrets = Partial<Record<ShopPlatform, string>>;

/** Largest webhook body: an order with hundreds of lines is well under it. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** The headers each shop signs with and names its topic and delivery in. */
const HEADERS: Record<ShopPlatform, { signature: string; topic: string; delivery: string }> = {
  shopify: {
    signature: 'x-shopify-hmac-sha256',
    topic: 'x-shopify-topic',
    delivery: 'x-shopify-webhook-id',
  },
  woocommerce: {
    signature: 'x-wc-webhook-signature',
    topic: 'x-wc-webhook-topic',
    delivery: 'x-wc-webhook-delivery-id',
  },
};

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether `signature` is the base64 HMAC-SHA256 of the raw body under `secret`, as both Shopify
 * and WooCommerce sign. Compared in constant time, so the answer's timing gives nothing away.
 */
export function signatureMatches(
  secret: string,
  body: Buffer,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

/**
 * `POST /v1/webhooks/<platform>`: a shop's webhook, signed by the shop with the secret it shares
 * with this app instead of the API token (shops cannot send one). A wrong or missing signature
 * is a 401 and nothing is stored; a body that verifies is mapped (core/import/shop-webhooks.ts)
 * and stored like any event API call, and answered once committed.
 */
export function shopWebhookRoute(
  secrets: ShopSecrets,
  ingest: (inputs: readonly EngineInput[]) => AcceptOutcome[] | Promise<AcceptOutcome[]>,
) {
  return async (platform: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isShopPlatform(platform)) {
      fail(
        res,
        404,
        'not-found',
        `There are webhooks for shopify and woocommerce, not "${platform}".`,
      );
      return;
    }
    if (req.method !== 'POST') {
      fail(res, 405, 'method-not-allowed', `Use POST /v1/webhooks/${platform}.`);
      return;
    }
    const secret = secrets[platform];
    if (!secret) {
      fail(
        res,
        503,
        'webhook-not-set-up',
        `${platform === 'shopify' ? 'Shopify' : 'WooCommerce'} webhooks are not set up here: save the shop's webhook secret first.`,
      );
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_WEBHOOK_BYTES);
    } catch {
      fail(
        res,
        413,
        'payload-too-large',
        `A webhook body may be at most ${MAX_WEBHOOK_BYTES} bytes.`,
      );
      return;
    }
    const names = HEADERS[platform];
    if (!signatureMatches(secret, body, header(req, names.signature))) {
      fail(
        res,
        401,
        'bad-signature',
        `The ${names.signature} header does not match the body: the webhook secret differs, or the body was changed on the way. Nothing was stored.`,
      );
      return;
    }
    const topic = header(req, names.topic) ?? '';
    // WooCommerce pings a new webhook with a form body `webhook_id=…` and no topic.
    if (!topic && /^webhook_id=\d+$/.test(body.toString('utf8'))) {
      sendJson(res, 200, { success: true, accepted: 0 });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      fail(res, 400, 'invalid-json', 'The webhook body is not JSON.');
      return;
    }
    const deliveryId = header(req, names.delivery);
    const mapped = mapShopWebhook({
      platform,
      topic,
      body: payload,
      ...(deliveryId && { deliveryId }),
    });
    if ('ignored' in mapped) {
      // Answered 200 all the same: a shop retries anything else for days.
      sendJson(res, 200, { success: true, accepted: 0, ignored: mapped.ignored });
      return;
    }
    const outcomes = await ingest(mapped.inputs);
    sendJson(res, 200, {
      success: true,
      accepted: outcomes.filter((o) => o === 'accepted').length,
    });
  };
}
