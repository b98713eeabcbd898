import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, parseApiInput } from '../../../core/api/contract';
import { createAppService } from '../../../core/adapters/local-app';
import type { AppService } from '../../../core/app/app-service';
import { describeEachStore, type TestStore } from '../adapters/postgres/test-stores';
import { callerOf } from './app-calls';

const open: AppService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
});

async function service(on: TestStore) {
  let clock = Date.parse('2025-03-03T09:00:00Z');
  const app = createAppService({
    db: await on.open(),
    eventApiPort: 0,
    now: () => (clock += 60_000),
  });
  open.push(app);
  return callerOf(app);
}

async function published(on: TestStore) {
  const call = await service(on);
  const created = await call('createJourney', {
    name: 'Abandoned cart',
    templateId: 'abandoned-cart',
  });
  await call('publishJourney', { journeyId: created.journey.id });
  return { call, record: created };
}

describeEachStore('version history', (on) => {
  it('lists published versions with their note and who wrote it', async () => {
    const { call, record } = await published(on);
    await call('setVersionNote', {
      journeyId: 'abandoned-cart',
      version: 1,
      note: 'Spring copy',
      by: 'Ada',
    });
    const { versions, currentSha256 } = await call('listJourneyVersions', {
      journeyId: 'abandoned-cart',
    });
    expect(record.journey.id).toBe('abandoned-cart');
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      version: 1,
      note: 'Spring copy',
      noteBy: 'Ada',
      approvals: [],
    });
    expect(versions[0]?.sha256).toBe(currentSha256);
    await expect(
      call('setVersionNote', { journeyId: 'abandoned-cart', version: 9, note: 'x' }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('records an approval, and marks it stale once the journey is edited after it', async () => {
    const { call, record } = await published(on);
    const approval = await call('approveJourneyVersion', {
      journeyId: 'abandoned-cart',
      version: 1,
      name: 'Ada Lind',
      role: 'Brand manager',
      comment: 'Copy checked',
    });
    expect(approval).toMatchObject({
      version: 1,
      name: 'Ada Lind',
      role: 'Brand manager',
      stale: false,
    });
    expect(approval.approvedAt).toBe('2025-03-03T09:03:00.000Z');

    const stored = await call('getJourney', { id: 'abandoned-cart' });
    await call('saveJourney', {
      journey: { ...stored.journey, name: 'Abandoned cart (edited)' },
      revision: stored.revision,
    });
    const after = await call('listJourneyVersions', { journeyId: 'abandoned-cart' });
    expect(after.versions[0]?.approvals).toEqual([
      expect.objectContaining({ id: approval.id, name: 'Ada Lind', stale: true }),
    ]);

    // Undoing the edit makes the journey the approved version again.
    const edited = await call('getJourney', { id: 'abandoned-cart' });
    await call('saveJourney', { journey: record.journey, revision: edited.revision });
    const back = await call('listJourneyVersions', { journeyId: 'abandoned-cart' });
    expect(back.versions[0]?.approvals[0]?.stale).toBe(false);
  });

  it('makes the sign-off pack of a version, with its approvals and the starter’s test results', async () => {
    const { call } = await published(on);
    await call('approveJourneyVersion', {
      journeyId: 'abandoned-cart',
      version: 1,
      name: 'Ada <b>',
      role: 'Brand',
      comment: '',
    });
    const pack = await call('getSignOffPack', { journeyId: 'abandoned-cart', version: 1 });
    expect(pack.fileName).toBe('abandoned-cart-v1-sign-off');
    expect(pack.html).toContain(`data-sha256>${pack.sha256}<`);
    expect(pack.html).toContain('Ada &lt;b&gt;');
    expect(pack.html).toContain('Holds for this version');
    expect(pack.html).toMatch(/(\d+) of \1 cases passed/);
    // No simulation kept: the pack says there is no forecast rather than showing a number.
    expect(pack.html).toContain('No forecast has been made for this journey.');
  });

  it('asks for a simulation before comparing versions on a cohort', async () => {
    const { call } = await published(on);
    await expect(
      call('compareVersionsOnCohort', { journeyId: 'abandoned-cart', before: 1 }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('Simulate the journey first') as unknown,
    });
  });
});

// What a person types is checked before any database is involved.
describe('an approval', () => {
  it('refuses an approval without a name or role, in words', () => {
    expect(() =>
      parseApiInput('approveJourneyVersion', {
        journeyId: 'a',
        version: 1,
        name: ' ',
        role: 'Brand',
      }),
    ).toThrow(/Write the name of the person approving/);
    expect(() =>
      parseApiInput('approveJourneyVersion', {
        journeyId: 'a',
        version: 1,
        name: 'Ada',
        role: 'x'.repeat(121),
      }),
    ).toThrow(ApiError);
  });
});
