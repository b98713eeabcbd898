import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapShopWebhook } from '../../../core/import/shop-webhooks';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/webhooks', `${name}.json`), 'utf8'));

describe('Shopify webhooks as Segment e-commerce calls', () => {
  it('turns a created checkout into an identify and Checkout Started, with its cart', () => {
    const mapped = mapShopWebhook({
      platform: 'shopify',
      topic: 'checkouts/create',
      deliveryId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      body: fixture('shopify-checkouts-create'),
    });
    expect(mapped).toEqual({
      inputs: [
        {
          type: 'identify',
          profileId: 'example@email.com',
          traits: {
            email: 'john@example.com',
            first_name: 'John',
            last_name: 'Smith',
            // Shopify's example id is beyond 2^53: read as JSON, its last digits are lost.
            shopify_customer_id: String(JSON.parse('603851970716743426')),
            accepts_marketing: false,
            orders_count: 0,
            total_spent: 0,
          },
          messageId: 'shopify:checkout:123123123:b54557e4-bdd9-4b37-8a5f-bf7d70bcd043:identify',
        },
        {
          type: 'track',
          event: {
            profileId: 'example@email.com',
            name: 'Checkout Started',
            time: Date.parse('2022-01-01T00:00:00Z'),
            messageId: 'shopify:checkout:123123123:started',
            properties: {
              checkout_id: '123123123',
              value: 398,
              revenue: 398,
              tax: 0,
              discount: 0,
              currency: 'USD',
              checkout_url:
                'https://checkout.local/548380009/checkouts/123123123/recover?key=example-secret-token',
              products: [
                {
                  product_id: '632910392',
                  variant: 'Pink',
                  sku: 'IPOD2008PINK',
                  name: 'IPod Nano - 8GB',
                  price: 199,
                  quantity: 1,
                },
                {
                  product_id: '632910392',
                  variant: 'Pink',
                  sku: 'IPOD2008PINK',
                  name: 'IPod Nano - 8GB',
                  price: 199,
                  quantity: 1,
                },
              ],
            },
          },
        },
      ],
    });
  });

  it('turns a created order into Order Completed, once per order however often it is sent', () => {
    const body = fixture('shopify-orders-create');
    const first = mapShopWebhook({
      platform: 'shopify',
      topic: 'orders/create',
      deliveryId: 'a',
      body,
    });
    const again = mapShopWebhook({
      platform: 'shopify',
      topic: 'orders/create',
      deliveryId: 'b',
      body,
    });
    if (!('inputs' in first) || !('inputs' in again)) throw new Error('mapped nothing');
    const track = first.inputs[1];
    expect(track).toMatchObject({
      type: 'track',
      event: {
        profileId: 'jon@example.com',
        name: 'Order Completed',
        time: Date.parse('2022-01-01T00:00:00Z'),
        properties: {
          order_number: '1234',
          total: 388,
          revenue: 388,
          discount: 20,
          shipping: 10,
          currency: 'USD',
        },
      },
    });
    expect(again.inputs[1]).toEqual(track);
  });

  it('turns customers into identify calls, and a withdrawn consent into unsubscribed', () => {
    const body = fixture('shopify-customers-create') as Record<string, unknown>;
    expect(mapShopWebhook({ platform: 'shopify', topic: 'customers/create', body })).toMatchObject({
      inputs: [
        {
          type: 'identify',
          profileId: 'bob@biller.com',
          traits: { email: 'bob@biller.com', first_name: 'Bob', last_name: 'Biller' },
        },
      ],
    });
    const withdrawn = { ...body, email_marketing_consent: { state: 'unsubscribed' } };
    const mapped = mapShopWebhook({
      platform: 'shopify',
      topic: 'customers/update',
      body: withdrawn,
    });
    expect(mapped).toMatchObject({ inputs: [{ traits: { unsubscribed: true } }] });
  });

  it('says why it leaves a webhook out', () => {
    expect(mapShopWebhook({ platform: 'shopify', topic: 'products/create', body: {} })).toEqual({
      ignored: "Shopify's products/create webhook is not one Journey Studio uses",
    });
    expect(
      mapShopWebhook({ platform: 'shopify', topic: 'orders/create', body: { id: 1 } }),
    ).toEqual({
      ignored: 'an order without an email address or customer',
    });
  });
});

describe('WooCommerce webhooks as Segment e-commerce calls', () => {
  it('turns a paid order into Order Completed at the time it was paid', () => {
    const mapped = mapShopWebhook({
      platform: 'woocommerce',
      topic: 'order.created',
      deliveryId: '9f2b',
      body: fixture('woocommerce-order-created'),
    });
    expect(mapped).toMatchObject({
      inputs: [
        {
          type: 'identify',
          profileId: 'john.doe@example.com',
          traits: { first_name: 'John', last_name: 'Doe', phone: '(555) 555-5555' },
        },
        {
          type: 'track',
          event: {
            profileId: 'john.doe@example.com',
            name: 'Order Completed',
            time: Date.parse('2017-03-22T19:28:08Z'),
            messageId: 'woocommerce:order:727:Order Completed',
            properties: {
              order_id: '727',
              total: 29.35,
              tax: 1.35,
              shipping: 10,
              currency: 'USD',
              products: [
                { product_id: '93', name: 'Woo Single #1', price: 3, quantity: 2 },
                { product_id: '22', variant: '23', sku: 'Bar3', price: 12, quantity: 1 },
              ],
            },
          },
        },
      ],
    });
  });

  it('turns a pending order into Checkout Started, and a customer into an identify', () => {
    const order = { ...(fixture('woocommerce-order-created') as object), status: 'pending' };
    expect(
      mapShopWebhook({ platform: 'woocommerce', topic: 'order.updated', body: order }),
    ).toMatchObject({ inputs: [{}, { event: { name: 'Checkout Started' } }] });
    expect(
      mapShopWebhook({
        platform: 'woocommerce',
        topic: 'customer.created',
        body: fixture('woocommerce-customer-created'),
      }),
    ).toMatchObject({
      inputs: [
        {
          type: 'identify',
          profileId: 'john.doe@example.com',
          traits: { woocommerce_customer_id: '25', first_name: 'John' },
        },
      ],
    });
  });
});
