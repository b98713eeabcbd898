import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamSource } from '../../../core/adapters/import/file-source';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import { DatasetRepository } from '../../../core/adapters/sqlite/dataset-repository';
import { loadEvents } from '../../../core/import/importer';
import { makeProfile } from '../../../core/model/profile';
import { simulate } from '../../../core/simulator/simulate';
import { loadJourney } from '../fixtures';

const named = (text: string, name: string) =>
  Object.assign(Readable.from([text]), { path: name }) as Readable;

describe('events with anonymous ids (DESIGN §8)', () => {
  it('reads a CSV with an anonymous id column: alone, the anonymous profile; beside a user, a merge', async () => {
    const csv = [
      'user,anon,event,at,brand',
      ',a-1,cart,2026-05-04T10:00:00Z,Fjällräven',
      'ann,a-1,login,2026-05-04T10:05:00Z,',
      'ann,,purchase,2026-05-04T12:00:00Z,',
      ',,cart,2026-05-04T12:00:00Z,',
      'bo,a\u200b2,login,2026-05-04T12:00:00Z,',
    ].join('\n');
    const { events, summary } = await loadEvents(streamSource(named(csv, 'events.csv')), {
      mapping: 'profile_id=user,anonymous_id=anon,name=event,time=at',
    });
    expect(events.map((e) => [e.profileId, e.anonymousId, e.name, e.properties])).toEqual([
      ['a-1', undefined, 'cart', { brand: 'Fjällräven' }],
      ['ann', 'a-1', 'login', {}],
      ['ann', undefined, 'purchase', {}],
    ]);
    expect(summary.rejected).toBe(2);
  });

  it('reads Segment-shaped JSON by its own field names, without a mapping', async () => {
    const ndjson = [
      '{"anonymousId":"a-1","event":"cart","timestamp":"2026-05-04T10:00:00Z","properties":{"sku":"x"}}',
      '{"userId":"ann","anonymousId":"a-1","event":"login","timestamp":"2026-05-04T10:05:00Z"}',
      '{"userId":null,"anonymousId":"a-3","event":"cart","timestamp":"2026-05-04T10:06:00Z"}',
    ].join('\n');
    const { events } = await loadEvents(streamSource(named(ndjson, 'events.ndjson')));
    expect(events.map((e) => [e.profileId, e.anonymousId, e.name, e.properties])).toEqual([
      ['a-1', undefined, 'cart', { sku: 'x' }],
      ['ann', 'a-1', 'login', {}],
      ['a-3', undefined, 'cart', {}],
    ]);
  });

  it('keeps them through a data set, so a simulation of it mails the cart to the known person', async () => {
    const { events } = await loadEvents(
      streamSource(
        named(
          [
            'profile_id,anonymous_id,name,time,brand',
            ',a-1,cart,2026-05-04T10:00:00Z,Haglöfs',
            'ann,a-1,login,2026-05-04T10:05:00Z,',
          ].join('\n'),
          'events.csv',
        ),
      ),
    );
    const db = openDatabase(':memory:');
    const datasets = new DatasetRepository(db);
    datasets.addEvents(
      {
        id: 'd1',
        kind: 'events',
        name: 'shop',
        source: 'import',
        columns: ['profile_id', 'anonymous_id', 'name', 'time', 'brand'],
        importedAt: 0,
        rejected: 0,
        problems: [],
        problemsTruncated: false,
      },
      events,
    );
    const stored = datasets.events('d1');
    expect(stored).toEqual(events);
    // Browsed by profile, Ann's events include her anonymous cart, and say whose id it was.
    const anns = datasets.browseEvents('d1', { profileId: 'ann' }, 0, 10);
    expect(anns.alsoKnownAs).toEqual(['a-1']);
    expect(anns.rows.map((e) => [e.profileId, e.name, e.anonymousId])).toEqual([
      ['a-1', 'cart', undefined],
      ['ann', 'login', 'a-1'],
    ]);
    const result = simulate({
      journey: loadJourney('abandoned-cart.json'),
      profiles: [makeProfile('ann', { email: 'ann@example.com' })],
      events: stored,
      start: Date.parse('2026-05-04T09:00:00Z'),
      end: Date.parse('2026-05-04T12:00:00Z'),
      keepMessages: 10,
    });
    expect(result.messages.map((m) => [m.profileId, m.to])).toEqual([['ann', 'ann@example.com']]);
    expect(JSON.stringify(result.messages[0]?.content)).toContain('Haglöfs');
    db.close();
  });
});
