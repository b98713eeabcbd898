import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../../core/simulator/report';
import { findStarter, type Starter } from '../../../core/templates/starters';
import { simulateStarter } from './starter-data';

function starter(id: string): Starter {
  const found = findStarter(id);
  if (!found) throw new Error(`no starter ${id}`);
  return found;
}

const sent = (report: SimulationReport, node: string) => report.messages[node]?.sent ?? 0;
const port = (report: SimulationReport, node: string, p: string) =>
  report.nodes[node]?.ports[p] ?? 0;

/** Every message rendered cleanly: no template errors, no Liquid left, a working unsubscribe link. */
function expectCleanMessages(result: Awaited<ReturnType<typeof simulateStarter>>) {
  expect(result.report.skipped.template_error ?? 0).toBe(0);
  expect(result.messages.length).toBeGreaterThan(0);
  for (const message of result.messages) {
    if (message.content.channel !== 'email') throw new Error('starters send email');
    expect(message.content.html).not.toMatch(/\{\{|\{%/);
    expect(message.content.subject).not.toMatch(/\{\{|\{%|^\s|\s$|\s,/);
    expect(message.content.html).toMatch(/<a href="[^"]+">Unsubscribe<\/a>/);
  }
  // Consent holds: nobody who unsubscribed gets anything.
  const unsubscribed = new Set(
    result.profiles.filter((p) => p.attributes.unsubscribed === true).map((p) => p.id),
  );
  expect(result.messages.filter((m) => unsubscribed.has(m.profileId))).toEqual([]);
}

describe('starters simulated on their sample data', () => {
  it('abandoned cart: a first reminder, then one for returning customers and free shipping for first-timers; buyers leave', async () => {
    const result = await simulateStarter(starter('abandoned-cart'));
    const { report } = result;
    expect(sent(report, 'reminder-1')).toBeGreaterThan(150);
    expect(port(report, 'returning', 'yes')).toBeGreaterThan(50);
    expect(port(report, 'returning', 'no')).toBeGreaterThan(50);
    expect(sent(report, 'reminder-returning')).toBeGreaterThan(50);
    expect(sent(report, 'reminder-free-shipping')).toBeGreaterThan(50);
    // Shoppers who buy within the hour never get a reminder; others leave between the two.
    expect(port(report, 'wait-1h', 'next')).toBeLessThan(report.nodes['wait-1h']!.entered);
    expect(port(report, 'wait-1d', 'next')).toBeLessThan(report.nodes['wait-1d']!.entered);
    expect(report.outcomes.converted).toBe(report.conversions.total);
    expect(report.conversions.total).toBeGreaterThan(50);
    expect(report.messages['reminder-1']!.skipped.unsubscribed).toBeGreaterThan(0);
    expectCleanMessages(result);
  });

  it('welcome: first contact within 24 hours, three emails, picks for engaged readers and bestsellers for the others', async () => {
    const result = await simulateStarter(starter('welcome-nurture'));
    const { report } = result;
    for (const node of ['welcome', 'our-story', 'picks', 'bestsellers'])
      expect(sent(report, node)).toBeGreaterThan(50);
    expect(port(report, 'engaged', 'yes')).toBeGreaterThan(50);
    expect(port(report, 'engaged', 'no')).toBeGreaterThan(50);
    expect(report.conversions.total).toBeGreaterThan(20);
    const signups = new Map(
      result.events.filter((e) => e.name === 'signup').map((e) => [e.profileId, e.time]),
    );
    const welcomes = result.messages.filter((m) => m.nodeId === 'welcome');
    expect(welcomes.length).toBe(sent(report, 'welcome'));
    for (const message of welcomes) {
      const delay = message.at - (signups.get(message.profileId) ?? Number.NaN);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(24 * 3_600_000);
    }
    // The second and third emails come days later, at 10:00 local time.
    const story = result.messages.find((m) => m.nodeId === 'our-story')!;
    const zone = result.profiles.find((p) => p.id === story.profileId)!.attributes
      .timezone as string;
    expect(DateTime.fromMillis(story.at, { zone }).toFormat('HH:mm')).toBe('10:00');
    expectCleanMessages(result);
  });

  it('browse abandonment: points for every visit, an offer for high scorers, a reminder for the others, capped', async () => {
    const result = await simulateStarter(starter('browse-abandonment'));
    const { report } = result;
    expect(port(report, 'carted', 'yes')).toBeGreaterThan(50);
    expect(report.nodes['add-points']!.entered).toBe(port(report, 'carted', 'no'));
    expect(sent(report, 'offer')).toBeGreaterThan(50);
    expect(sent(report, 'reminder')).toBeGreaterThan(100);
    expect(report.skipped.capped).toBeGreaterThan(0);
    expect(report.conversions.total).toBeGreaterThan(10);
    // Scores add up over visits: profiles who started well below 50 reach the offer too.
    const started = new Map(result.profiles.map((p) => [p.id, p.attributes.lead_score as number]));
    const offered = result.messages.filter((m) => m.nodeId === 'offer');
    expect(offered.some((m) => (started.get(m.profileId) ?? 0) < 30)).toBe(true);
    expectCleanMessages(result);
  });

  it('post-purchase: delivery check-in or an apology, a guide, a review request, and an incentive only for those who have not ordered again', async () => {
    const result = await simulateStarter(starter('post-purchase'));
    const { report } = result;
    expect(port(report, 'delivery', 'event')).toBeGreaterThan(100);
    expect(port(report, 'delivery', 'timeout')).toBeGreaterThan(5);
    for (const node of ['arrived', 'guide', 'review', 'next-order'])
      expect(sent(report, node)).toBeGreaterThan(100);
    expect(sent(report, 'delayed')).toBeGreaterThan(5);
    expect(port(report, 'ordered-again', 'yes')).toBeGreaterThan(10);
    expect(report.conversions.total).toBeGreaterThan(10);
    const reordered = new Set(
      result.messages.filter((m) => m.nodeId === 'next-order').map((m) => m.enrollmentId),
    );
    expect(reordered.size).toBe(sent(report, 'next-order'));
    expectCleanMessages(result);
  });

  it('loyalty: new Gold VIPs are welcomed, near-VIPs hear it once, and ambassadors are invited and welcomed', async () => {
    const result = await simulateStarter(starter('loyalty-vip'));
    const { report } = result;
    expect(port(report, 'already-vip', 'yes')).toBeGreaterThan(20);
    expect(sent(report, 'vip-welcome')).toBeGreaterThan(20);
    expect(sent(report, 'almost-there')).toBeGreaterThan(20);
    expect(sent(report, 'ambassador-invite')).toBeGreaterThan(5);
    expect(port(report, 'joined', 'event')).toBeGreaterThan(2);
    expect(sent(report, 'ambassador-welcome')).toBeGreaterThan(2);
    expect(report.conversions.total).toBe(
      port(report, 'joined', 'event') + (report.waiting.joined ?? 0) * 0,
    );
    const told = result.messages.filter((m) => m.nodeId === 'almost-there').map((m) => m.profileId);
    expect(new Set(told).size).toBe(told.length);
    expectCleanMessages(result);
  });

  it('birthday: at 09:00 local on the day, a bigger gift for VIPs, a reminder for those who have not used it', async () => {
    const result = await simulateStarter(starter('birthday'));
    const { report } = result;
    expect(sent(report, 'gift-vip')).toBeGreaterThan(3);
    expect(sent(report, 'gift')).toBeGreaterThan(20);
    expect(sent(report, 'last-days')).toBeGreaterThan(10);
    expect(report.conversions.total).toBeGreaterThan(5);
    const zones = new Map(result.profiles.map((p) => [p.id, p.attributes.timezone as string]));
    const birthdays = new Map(result.profiles.map((p) => [p.id, p.attributes.birthday as string]));
    for (const m of result.messages.filter((m) => m.nodeId.startsWith('gift'))) {
      const local = DateTime.fromMillis(m.at, { zone: zones.get(m.profileId) });
      expect(local.toFormat('HH:mm')).toBe('09:00');
      expect(birthdays.get(m.profileId)?.slice(5)).toBe(local.toFormat('MM-dd'));
    }
    expect(report.deferred).toBe(0);
    expectCleanMessages(result);
  });

  it('win-back: two offers and a control group, with conversions measured for each over 30 days', async () => {
    const result = await simulateStarter(starter('win-back'));
    const { report } = result;
    const variants = report.conversions.byVariant.test!;
    for (const key of ['A', 'B', 'control']) {
      expect(variants[key]!.entered).toBeGreaterThan(20);
      expect(variants[key]!.converted).toBeGreaterThan(0);
    }
    const rate = (key: string) => variants[key]!.converted / variants[key]!.entered;
    expect(rate('A')).toBeGreaterThan(rate('control'));
    expect(rate('B')).toBeGreaterThan(rate('control'));
    // The control group gets nothing, yet its conversions count: that is what the window is for.
    expect(report.nodes.test!.ports.control).toBe(variants.control!.entered);
    for (const node of ['discount', 'discount-reminder', 'free-shipping', 'free-shipping-reminder'])
      expect(sent(report, node)).toBeGreaterThan(50);
    expect(report.conversions.total).toBeGreaterThan(report.outcomes.converted);
    // Offers go out on a Tuesday, Wednesday or Thursday morning.
    const zones = new Map(result.profiles.map((p) => [p.id, p.attributes.timezone as string]));
    for (const m of result.messages.filter(
      (m) => m.nodeId === 'discount' || m.nodeId === 'free-shipping',
    )) {
      const local = DateTime.fromMillis(m.at, { zone: zones.get(m.profileId) });
      expect(local.toFormat('ccc HH:mm')).toMatch(/^(Tue|Wed|Thu) 10:00$/);
    }
    expectCleanMessages(result);
  });
});
