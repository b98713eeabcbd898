import type { Outcome } from './expect';
import type { Purpose } from './forecast-settings';

/**
 * The library's default assumed responses: published benchmark rates per channel and journey
 * purpose, each with where it was published and what exactly it measures. They are a starting
 * point to check, never a fact: opens are inflated since Apple Mail Privacy Protection (2021),
 * and every published order rate is *attributed* (orders within some days of a send), which
 * overstates the orders a message *causes* — the forecast says so next to each one.
 *
 * Where the research found no published figure, the gap is filled with a conservative figure of
 * the product's own, labelled as such (publisher "Journey Studio"), never passed off as a
 * publisher's.
 */

/** Where a figure comes from. */
export interface Reference {
  publisher: string;
  title: string;
  /** Year of the data or of publication; absent for an undated page. */
  year?: number;
  url?: string;
  /** What exactly the figure measures (its denominator, its window). */
  measures: string;
  /** The article that reports a publisher's figure, when it was read there. */
  via?: string;
}

export interface DefaultRate {
  rate: number;
  source: Reference;
  /** An order rate credited to messages after the fact, not caused by them. */
  attributed?: boolean;
}

export type DefaultRow = Partial<Record<Outcome, DefaultRate>>;

/** What a forecast shows next to a published attributed order rate. */
export const ATTRIBUTED_NOTE =
  'assumed — published attributed rate; caused orders are usually lower';

const BLUECORE_2018: Omit<Reference, 'measures'> = {
  publisher: 'Bluecore',
  title: '2018 Retail Email Benchmark Report',
  year: 2018,
  url: 'https://www.mediapost.com/publications/article/317050/',
  via: 'MediaPost',
};
const BLUECORE_2020: Omit<Reference, 'measures'> = {
  publisher: 'Bluecore',
  title: '2020 Retail Email Benchmark Report',
  year: 2020,
  url: 'https://www.mediapost.com/publications/article/357150/',
  via: 'MediaPost',
};
const BLUECORE_UNSUBSCRIBES: Omit<Reference, 'measures'> = {
  publisher: 'Bluecore',
  title: 'The cost of an unsubscribe',
  year: 2018,
  url: 'https://www.insiderintelligence.com/content/should-unsubscribes-be-a-cause-for-concern',
  via: 'Insider Intelligence',
};
const OMNISEND_2021: Omit<Reference, 'measures'> = {
  publisher: 'Omnisend',
  title: 'Annual ecommerce report (2021 data)',
  year: 2021,
  url: 'https://www.mediapost.com/publications/article/370584/',
  via: 'MediaPost',
};
const OMNISEND_H1_2021: Omit<Reference, 'measures'> = {
  publisher: 'Omnisend',
  title: 'H1 2021 automation report',
  year: 2021,
  url: 'https://www.mediapost.com/publications/article/366493/',
  via: 'MediaPost',
};
const KLAVIYO_2024: Omit<Reference, 'measures'> = {
  publisher: 'Klaviyo',
  title: '2024 Benchmark Report',
  year: 2024,
  url: 'https://resources.klaviyo.com/2024-benchmark-report/p/4',
};
const MAILCHIMP_2019: Omit<Reference, 'measures'> = {
  publisher: 'Mailchimp',
  title: 'Email Marketing Benchmarks',
  year: 2019,
  url: 'https://mailchimp.com/resources/email-marketing-benchmarks/',
};
const POSTSCRIPT_2020: Omit<Reference, 'measures'> = {
  publisher: 'Postscript',
  title: 'SMS Benchmarks 2020',
  year: 2020,
  url: 'https://postscript.io/sms-benchmarks/',
};
const OMNISEND_SMS_2020: Omit<Reference, 'measures'> = {
  publisher: 'Omnisend',
  title: '2020 ecommerce statistics report',
  year: 2020,
  url: 'https://www.mediapost.com/publications/article/360323/',
  via: 'MediaPost',
};
const BATCH_2025: Omit<Reference, 'measures'> = {
  publisher: 'Batch',
  title: 'Push Notifications Benchmark 2025',
  year: 2025,
  url: 'https://batch.com/blog/case-studies/benchmark-notifications-push-crm-mobile',
};
/** The product's own figure where nothing is published. */
const OURS: Omit<Reference, 'measures'> = { publisher: 'Journey Studio', title: 'assumption' };

const rate = (
  value: number,
  from: Omit<Reference, 'measures'>,
  measures: string,
  attributed?: boolean,
): DefaultRate => ({
  rate: value,
  source: { ...from, measures },
  ...(attributed && { attributed }),
});

/** Mailchimp's complaint rate, the one published complaint figure: per delivered campaign. */
const EMAIL_COMPLAINTS = rate(
  0.00012,
  {
    publisher: 'Mailchimp',
    title: 'Email Marketing Benchmarks',
    year: 2018,
    url: 'https://mailchimp.com/resources/research/email-marketing-benchmarks/',
  },
  'spam complaints per delivered campaign email, all industries',
);
/** Klaviyo's median placed-order rate of all flows, for purposes without their own. */
const ALL_FLOWS_ORDERS = rate(
  0.0171,
  KLAVIYO_2024,
  'median placed-order rate of all flows (orders ÷ recipients, 5-day attribution); not this kind of journey alone',
  true,
);
const ECOMMERCE_UNSUBSCRIBES = rate(
  0.0027,
  MAILCHIMP_2019,
  'unsubscribes per e-commerce campaign email; not this kind of journey alone',
);

const EMAIL: Record<Purpose, DefaultRow> = {
  abandoned_cart: {
    open: rate(0.4032, BLUECORE_2018, 'opens per cart-abandonment email'),
    click: rate(0.1009, BLUECORE_2018, 'clicks per cart-abandonment email'),
    convert: rate(
      0.0205,
      BLUECORE_2018,
      'conversions within 5 days of a cart-abandonment email',
      true,
    ),
    unsubscribe: rate(0.0012, BLUECORE_2018, 'unsubscribes per cart-abandonment email'),
    complain: EMAIL_COMPLAINTS,
  },
  browse_abandonment: {
    open: rate(0.3315, BLUECORE_2020, 'opens per product-abandonment email'),
    click: rate(0.104, BLUECORE_2020, 'clicks per product-abandonment email'),
    convert: rate(
      0.0062,
      BLUECORE_2018,
      'conversions within 5 days of a product-abandonment email',
      true,
    ),
    unsubscribe: rate(0.0021, BLUECORE_UNSUBSCRIBES, 'unsubscribes per search-abandonment email'),
    complain: EMAIL_COMPLAINTS,
  },
  welcome: {
    open: rate(
      0.3553,
      {
        publisher: 'Omnisend',
        title: 'Email benchmarks (May 2026)',
        year: 2026,
        url: 'https://www.digitalapplied.com/blog/welcome-email-onboarding-sequence-2026-framework',
        via: 'Digital Applied',
      },
      'opens per welcome email',
    ),
    click: rate(
      0.0394,
      {
        publisher: 'Omnisend',
        title: 'Email benchmarks (May 2026)',
        year: 2026,
        url: 'https://www.digitalapplied.com/blog/welcome-email-onboarding-sequence-2026-framework',
        via: 'Digital Applied',
      },
      'clicks per welcome email',
    ),
    convert: rate(
      0.0232,
      KLAVIYO_2024,
      'welcome-flow placed-order rate (orders ÷ recipients, 5-day attribution)',
      true,
    ),
    unsubscribe: rate(
      0.002,
      OURS,
      'no published welcome unsubscribe rate: a figure inside the published per-flow range (0.12%–0.40%)',
    ),
    complain: EMAIL_COMPLAINTS,
  },
  post_purchase: {
    open: rate(0.295, BLUECORE_2020, 'opens per post-purchase email'),
    click: rate(0.0564, BLUECORE_2020, 'clicks per post-purchase email'),
    convert: ALL_FLOWS_ORDERS,
    unsubscribe: rate(0.004, BLUECORE_UNSUBSCRIBES, 'unsubscribes per post-purchase email'),
    complain: EMAIL_COMPLAINTS,
  },
  win_back: {
    open: rate(
      0.6,
      {
        publisher: 'Klaviyo',
        title: 'Measuring flow performance',
        url: 'https://www.klaviyo.com/blog/measuring-flow-performance',
      },
      'middle of the published average range of win-back opens (58%–62%), undated; inflated by Apple Mail Privacy Protection',
    ),
    click: rate(0.026, OMNISEND_H1_2021, 'clicks per lapsed-purchase email'),
    convert: rate(0.0055, OMNISEND_2021, 'conversion rate of lapsed-buyer emails', true),
    unsubscribe: ECOMMERCE_UNSUBSCRIBES,
    complain: EMAIL_COMPLAINTS,
  },
  birthday: {
    open: rate(
      0.2322,
      {
        publisher: 'Omnisend',
        title: 'Q2 2020 ecommerce report',
        year: 2020,
        url: 'https://www.mediapost.com/publications/article/355888/',
        via: 'MediaPost',
      },
      'opens per birthday email',
    ),
    click: rate(0.0774, OMNISEND_H1_2021, 'clicks per birthday email'),
    convert: ALL_FLOWS_ORDERS,
    unsubscribe: ECOMMERCE_UNSUBSCRIBES,
    complain: EMAIL_COMPLAINTS,
  },
  campaign: {
    open: rate(0.1568, MAILCHIMP_2019, 'unique opens per e-commerce campaign email'),
    click: rate(0.0201, MAILCHIMP_2019, 'unique clicks per e-commerce campaign email'),
    convert: rate(
      0.0008,
      {
        publisher: 'Omnisend',
        title: 'Email marketing automation (2025)',
        year: 2025,
        url: 'https://e-com.wiki/concepts/email-marketing-automation',
        via: 'e-com.wiki',
      },
      'conversion rate of campaigns',
      true,
    ),
    unsubscribe: ECOMMERCE_UNSUBSCRIBES,
    complain: EMAIL_COMPLAINTS,
  },
  other: {
    open: rate(0.2271, MAILCHIMP_2019, 'unique opens per campaign email, all industries'),
    click: rate(0.0291, MAILCHIMP_2019, 'unique clicks per campaign email, all industries'),
    convert: ALL_FLOWS_ORDERS,
    unsubscribe: rate(0.0025, MAILCHIMP_2019, 'unsubscribes per campaign email, all industries'),
    complain: EMAIL_COMPLAINTS,
  },
};

/** Postscript's means for one kind of SMS: clicks, orders and unsubscribes per recipient. */
function postscript(kind: string, click: number, convert: number, unsubscribe: number): DefaultRow {
  return {
    click: rate(click, POSTSCRIPT_2020, `mean click-through rate of ${kind} texts`),
    convert: rate(convert, POSTSCRIPT_2020, `mean conversion rate of ${kind} texts`, true),
    unsubscribe: rate(unsubscribe, POSTSCRIPT_2020, `mean unsubscribe rate of ${kind} texts`),
  };
}

/** Omnisend's SMS figures for all kinds, with Postscript's campaign unsubscribes. */
const SMS_ANY: DefaultRow = {
  click: rate(0.1063, OMNISEND_SMS_2020, 'clicks per SMS, all kinds'),
  convert: rate(0.0265, OMNISEND_SMS_2020, 'conversion rate of SMS, all kinds', true),
  unsubscribe: rate(
    0.009,
    POSTSCRIPT_2020,
    'mean unsubscribe rate of campaign texts; not this kind of journey alone',
  ),
};

/** SMS is not opened in a way anyone can count: opens are not assumed, clicks are per delivery. */
const SMS: Record<Purpose, DefaultRow> = {
  abandoned_cart: postscript('abandoned-cart', 0.162, 0.091, 0.024),
  browse_abandonment: SMS_ANY,
  welcome: postscript('welcome-series', 0.103, 0.02, 0.031),
  post_purchase: SMS_ANY,
  win_back: postscript('win-back', 0.075, 0.011, 0.015),
  birthday: SMS_ANY,
  campaign: postscript('campaign', 0.098, 0.014, 0.009),
  other: SMS_ANY,
};

const PUSH_TRIGGERED: DefaultRow = {
  open: rate(0.144, BATCH_2025, 'opens of contextual (triggered) push notifications'),
  convert: rate(
    0.005,
    OURS,
    'no published push conversion rate: a conservative figure below the published SMS and email order rates',
  ),
  unsubscribe: rate(
    0.002,
    OURS,
    'no published push opt-out rate per notification: a conservative figure',
  ),
};

/** A push notification's "open" is the tap on it; there is no separate click. */
const PUSH: Record<Purpose, DefaultRow> = {
  abandoned_cart: PUSH_TRIGGERED,
  browse_abandonment: PUSH_TRIGGERED,
  welcome: PUSH_TRIGGERED,
  post_purchase: PUSH_TRIGGERED,
  win_back: PUSH_TRIGGERED,
  birthday: PUSH_TRIGGERED,
  campaign: {
    ...PUSH_TRIGGERED,
    open: rate(0.0419, BATCH_2025, 'opens of generic (campaign) push notifications'),
  },
  other: PUSH_TRIGGERED,
};

/**
 * The defaults by channel (the channels that reach a person; webhooks never respond) and
 * purpose.
 */
export const LIBRARY_DEFAULTS: Readonly<Record<string, Readonly<Record<Purpose, DefaultRow>>>> = {
  email: EMAIL,
  sms: SMS,
  push: PUSH,
};

/** The library's default for one outcome of a message on a channel, in a journey of a purpose. */
export function libraryDefault(
  channel: string,
  purpose: Purpose,
  outcome: Outcome,
): DefaultRate | undefined {
  return LIBRARY_DEFAULTS[channel]?.[purpose][outcome];
}
