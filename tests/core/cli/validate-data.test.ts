import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeJourney } from '../../../core/model/journey-file';
import { edge, journey, node } from '../build';
import { cli } from './cli';

const folder = mkdtempSync(join(tmpdir(), 'validate-data-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

const journeyFile = file(
  'post-purchase.json',
  serializeJourney(
    journey(
      [
        node('start', 'trigger', { on: 'event', event: 'purchase' }),
        node('delivered', 'wait', { mode: 'event', event: 'order_deliverd', timeout: 'P10D' }),
        node('thanks', 'message', {
          channel: 'email',
          from: 'shop@example.com',
          subject: 'Thanks, {{ profile.firstname }}',
          html: '<p>Enjoy!</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
        }),
      ],
      [edge('start', 'delivered'), edge('delivered', 'thanks', 'event')],
      { quietHours: { start: '21:00', end: '08:00' } },
    ),
  ),
);
const profiles = file('profiles.csv', 'id,email,first_name\np1,anna@example.com,Anna\n');
const events = file(
  'events.csv',
  'user,event,at\np1,purchase,2025-03-01T10:00:00Z\np1,order_delivered,2025-03-03T10:00:00Z\n',
);

describe('validate with sample data', () => {
  it('runs the data-aware checks only when given data', async () => {
    const bare = await cli('validate', journeyFile);
    expect(bare.code).toBe(0);
    expect(bare.stdout.at(-1)).toMatch(/valid \(0 errors, 0 warnings/);

    const withData = await cli(
      'validate',
      journeyFile,
      '--profiles',
      profiles,
      '--events',
      events,
      '--map',
      'profile_id=user,name=event,time=at',
    );
    expect(withData.code).toBe(0);
    expect(
      withData.stdout.some((l) =>
        /warning +template-variable-missing +\[thanks\] +Email "thanks" prints profile\.firstname/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(
      withData.stdout.some((l) =>
        /warning +wait-event-never-happens +\[delivered\] +Wait "delivered" waits for "order_deliverd"/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(withData.stdout.at(-1)).toMatch(/valid \(0 errors, 2 warnings/);
  });

  it('says which rows it left out, and fails on a file it cannot read', async () => {
    const bad = file(
      'bad-events.csv',
      'profile_id,name,time\np1,view,yesterday\np1,view,2025-03-01T10:00:00Z\n',
    );
    const result = await cli('validate', journeyFile, '--events', bad);
    expect(result.stderr[0]).toMatch(/bad-events\.csv: 1 row left out \(first: line 2, /);
    const missing = await cli('validate', journeyFile, '--profiles', join(folder, 'nowhere.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr[0]).toMatch(/^journey-studio: /);
  });
});
