import type { EngineInput } from '../executor/ports';
import { parseEventTime } from '../model/event';

/** The shops whose webhooks the event API takes. */
export const SHOP_PLATFORMS = ['shopify', 'woocommerce'] as const;
export type ShopPlatform = (typeof SHOP_PLATFORMS)[number];

export function isShopPlatform(value: string): value is ShopPlatform {
  return (SHOP_PLATFORMS as readonly string[]).includes(value);
}

/** One webhook as the shop sent it: its topic header, its delivery id, its JSON body. */
export interface ShopWebhook {
  platform: ShopPlatform;
  /** `X-Shopify-Topic` (`orders/create`) or `X-WC-Webhook-Topic` (`order.created`). */
  topic: string;
  /** `X-Shopify-Webhook-Id` or `X-WC-Webhook-Delivery-ID`: the same on a retry. */
  deliveryId?: string;
  body: unknown;
}

/**
 * What a webhook becomes: calls of the event API (identify and track, with Segment's e-commerce
 * names), or nothing, with the reason in words (a topic this app has no use for, a payload
 * without an email address or customer to attach it to).
 */
export type ShopMapping = { inputs: EngineInput[] } | { ignored: string };

type Json = Record<string, unknown>;

function object(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Money and counts come as strings ("199.00") from both shops: numbers, for conditions. */
function amount(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function defined(record: Json): Json {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** At most this many line items are kept per event: a template lists a few, not a warehouse. */
const MAX_PRODUCTS = 100;

/**
 * The profile a payload concerns: its email address (lower-cased), which both shops give for
 * guests too and by which marketing reaches a person; else the shop's customer id, prefixed
 * with the platform so it never meets an email address.
 */
function profileIdOf(
  platform: ShopPlatform,
  email: unknown,
  customerId: unknown,
): string | undefined {
  const address = text(email)?.toLowerCase();
  if (address) return address;
  const id = text(customerId);
  return id && id !== '0' ? `${platform}:${id}` : undefined;
}

function timeOf(...values: unknown[]): number | undefined {
  for (const value of values) {
    const t = parseEventTime(value);
    if (t !== undefined) return t;
  }
  return undefined;
}

function track(
  profileId: string,
  name: string,
  properties: Json,
  time: number | undefined,
  messageId: string,
): EngineInput {
  return {
    type: 'track',
    event: {
      profileId,
      name,
      properties: defined(properties),
      messageId,
      ...(time !== undefined && { time }),
    },
  };
}

function identify(profileId: string, traits: Json, messageId: string): EngineInput {
  return { type: 'identify', profileId, traits: defined(traits), messageId };
}

// ---------------------------------------------------------------- Shopify

function shopifyProducts(items: unknown): Json[] {
  return (Array.isArray(items) ? items : []).slice(0, MAX_PRODUCTS).map((raw) => {
    const item = object(raw);
    return defined({
      product_id: text(item.product_id),
      variant: text(item.variant_title) ?? text(item.variant_id),
      sku: text(item.sku),
      name: text(item.title) ?? text(item.name),
      price: amount(item.price),
      quantity: amount(item.quantity),
    });
  });
}

/** A Shopify customer's traits: Shopify's names where the app has its own meaning for one. */
function shopifyTraits(customer: Json, fallbackEmail?: unknown): Json {
  const consent = object(customer.email_marketing_consent);
  return {
    email: text(customer.email) ?? text(fallbackEmail),
    first_name: text(customer.first_name),
    last_name: text(customer.last_name),
    phone: text(customer.phone),
    shopify_customer_id: text(customer.id),
    accepts_marketing:
      typeof customer.accepts_marketing === 'boolean' ? customer.accepts_marketing : undefined,
    // Only a withdrawn consent stops messages; "not subscribed" is the shop's own business.
    ...(consent.state === 'unsubscribed' && { unsubscribed: true }),
    orders_count: amount(customer.orders_count),
    total_spent: amount(customer.total_spent),
  };
}

function shopify(hook: ShopWebhook): ShopMapping {
  const body = object(hook.body);
  const customer = object(body.customer);
  const email = body.email ?? customer.email;
  const profileId = profileIdOf('shopify', email, customer.id);
  const delivery = hook.deliveryId ?? '';
  switch (hook.topic) {
    case 'checkouts/create':
    case 'checkouts/update': {
      if (!profileId) return { ignored: 'a checkout without an email address or customer' };
      const token = text(body.token) ?? text(body.id) ?? delivery;
      const created = hook.topic === 'checkouts/create';
      const properties = {
        checkout_id: token,
        value: amount(body.total_price),
        revenue: amount(body.subtotal_price),
        tax: amount(body.total_tax),
        discount: amount(body.total_discounts),
        currency: text(body.currency) ?? text(body.presentment_currency),
        checkout_url: text(body.abandoned_checkout_url),
        products: shopifyProducts(body.line_items),
      };
      return {
        inputs: [
          identify(
            profileId,
            shopifyTraits(customer, email),
            `shopify:checkout:${token}:${delivery}:identify`,
          ),
          track(
            profileId,
            created ? 'Checkout Started' : 'Checkout Updated',
            properties,
            timeOf(created ? body.created_at : body.updated_at, body.created_at),
            created ? `shopify:checkout:${token}:started` : `shopify:checkout:${token}:${delivery}`,
          ),
        ],
      };
    }
    case 'orders/create': {
      if (!profileId) return { ignored: 'an order without an email address or customer' };
      const orderId = text(body.id) ?? delivery;
      return {
        inputs: [
          identify(profileId, shopifyTraits(customer, email), `shopify:order:${orderId}:identify`),
          track(
            profileId,
            'Order Completed',
            {
              order_id: orderId,
              order_number: text(body.order_number) ?? text(body.name),
              checkout_id: text(body.checkout_token) ?? text(body.checkout_id),
              total: amount(body.total_price),
              revenue: amount(body.subtotal_price),
              tax: amount(body.total_tax),
              discount: amount(body.total_discounts),
              shipping: amount(object(object(body.total_shipping_price_set).shop_money).amount),
              currency: text(body.currency),
              products: shopifyProducts(body.line_items),
            },
            timeOf(body.processed_at, body.created_at),
            `shopify:order:${orderId}:completed`,
          ),
        ],
      };
    }
    case 'customers/create':
    case 'customers/update': {
      const id = profileIdOf('shopify', body.email, body.id);
      if (!id) return { ignored: 'a customer without an email address or id' };
      return {
        inputs: [
          identify(id, shopifyTraits(body), `shopify:customer:${text(body.id)}:${delivery}`),
        ],
      };
    }
    default:
      return {
        ignored: `Shopify's ${hook.topic || 'unnamed'} webhook is not one Journey Studio uses`,
      };
  }
}

// ---------------------------------------------------------------- WooCommerce

/** WooCommerce's `_gmt` times are UTC without saying so. */
function gmt(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? `${value}Z` : undefined;
}

function wooProducts(items: unknown): Json[] {
  return (Array.isArray(items) ? items : []).slice(0, MAX_PRODUCTS).map((raw) => {
    const item = object(raw);
    return defined({
      product_id: text(item.product_id),
      variant: text(item.variation_id) === '0' ? undefined : text(item.variation_id),
      sku: text(item.sku),
      name: text(item.name),
      price: amount(item.price),
      quantity: amount(item.quantity),
    });
  });
}

/** What an order's status says happened, in Segment's words. */
const WOO_ORDER_EVENTS: Readonly<Record<string, string>> = {
  pending: 'Checkout Started',
  'on-hold': 'Checkout Started',
  processing: 'Order Completed',
  completed: 'Order Completed',
  cancelled: 'Order Cancelled',
  refunded: 'Order Refunded',
};

function woocommerce(hook: ShopWebhook): ShopMapping {
  const body = object(hook.body);
  const topic = hook.topic;
  if (topic === 'order.created' || topic === 'order.updated') {
    const billing = object(body.billing);
    const profileId = profileIdOf('woocommerce', billing.email, body.customer_id);
    if (!profileId) return { ignored: 'an order without a billing email address or customer' };
    const status = text(body.status) ?? '';
    const name = WOO_ORDER_EVENTS[status];
    const orderId = text(body.id) ?? hook.deliveryId ?? '';
    const traits = {
      email: text(billing.email),
      first_name: text(billing.first_name),
      last_name: text(billing.last_name),
      phone: text(billing.phone),
      woocommerce_customer_id: text(body.customer_id) === '0' ? undefined : text(body.customer_id),
    };
    const inputs: EngineInput[] = [
      identify(
        profileId,
        traits,
        `woocommerce:order:${orderId}:${hook.deliveryId ?? status}:identify`,
      ),
    ];
    // Each status is an event once per order, however often the order is saved in it.
    if (name)
      inputs.push(
        track(
          profileId,
          name,
          {
            order_id: orderId,
            order_number: text(body.number),
            checkout_url: text(body.payment_url),
            total: amount(body.total),
            tax: amount(body.total_tax),
            shipping: amount(body.shipping_total),
            discount: amount(body.discount_total),
            currency: text(body.currency),
            products: wooProducts(body.line_items),
          },
          timeOf(
            name === 'Order Completed' ? gmt(body.date_paid_gmt) : undefined,
            gmt(body.date_modified_gmt),
            gmt(body.date_created_gmt),
          ),
          `woocommerce:order:${orderId}:${name}`,
        ),
      );
    return { inputs };
  }
  if (topic === 'customer.created' || topic === 'customer.updated') {
    const profileId = profileIdOf('woocommerce', body.email, body.id);
    if (!profileId) return { ignored: 'a customer without an email address or id' };
    const billing = object(body.billing);
    return {
      inputs: [
        identify(
          profileId,
          {
            email: text(body.email),
            first_name: text(body.first_name),
            last_name: text(body.last_name),
            phone: text(billing.phone),
            woocommerce_customer_id: text(body.id),
          },
          `woocommerce:customer:${text(body.id)}:${hook.deliveryId ?? topic}`,
        ),
      ],
    };
  }
  return { ignored: `WooCommerce's ${topic || 'unnamed'} webhook is not one Journey Studio uses` };
}

/**
 * A shop's webhook as event API calls, by the mapping in docs/shop-webhooks.md: checkouts
 * become `Checkout Started` (Shopify's updates `Checkout Updated`), paid orders `Order Completed`,
 * customers an identify. Each call carries a message id made from the shop's own ids, so a
 * webhook delivered twice — shops retry until answered — is applied once.
 *
 * @example
 * mapShopWebhook({ platform: 'shopify', topic: 'orders/create', body: order })
 * // → { inputs: [identify(email, traits), track(email, 'Order Completed', { order_id, total, … })] }
 */
export function mapShopWebhook(hook: ShopWebhook): ShopMapping {
  return hook.platform === 'shopify' ? shopify(hook) : woocommerce(hook);
}
