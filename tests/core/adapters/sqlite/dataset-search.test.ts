import { expect, it } from 'vitest';
import type { NewDataset } from '../../../../core/app/ports';
import type { Db } from '../../../../core/adapters/sqlite/database';
import { DatasetRepository } from '../../../../core/adapters/sqlite/dataset-repository';
import { describeEachStore } from '../postgres/test-stores';

function meta(id: string, kind: 'profiles' | 'events'): NewDataset {
  return {
    id,
    kind,
    name: id,
    source: 'import',
    columns: [],
    importedAt: 0,
    rejected: 0,
    problems: [],
    problemsTruncated: false,
  };
}

function repository(db: Db) {
  const datasets = new DatasetRepository(db);
  datasets.addProfiles(meta('people', 'profiles'), [
    { id: 'asa', attributes: { name: 'Åsa Öberg', city: 'Örebro' } },
    { id: 'bjorn', attributes: { name: 'Bjørn Ærø', city: 'TRONDHEIM' } },
    { id: 'per', attributes: { name: 'Per 50%_off', city: 'Malmö' } },
  ]);
  datasets.addEvents(meta('shop', 'events'), [
    { profileId: 'asa', name: 'purchase', time: 1, properties: { brand: 'Fjällräven' } },
    { profileId: 'bjorn', name: 'cart', time: 2, properties: { brand: 'FJÄLLRÄVEN Kånken' } },
    { profileId: 'per', name: 'view', time: 3, properties: { brand: 'Houdini' } },
  ]);
  return datasets;
}

const ids = (rows: readonly { id?: string; profileId?: string }[]) =>
  rows.map((r) => r.id ?? r.profileId);

describeEachStore('searching a data set', (store) => {
  it('ignores case for Nordic letters as for a–z', async () => {
    const datasets = repository(await store.open());
    expect(ids(datasets.browseProfiles('people', 'örebro', 0, 10).rows)).toEqual(['asa']);
    expect(ids(datasets.browseProfiles('people', 'ÅSA', 0, 10).rows)).toEqual(['asa']);
    expect(ids(datasets.browseProfiles('people', 'bjørn ærø', 0, 10).rows)).toEqual(['bjorn']);
    expect(ids(datasets.browseProfiles('people', 'trondheim', 0, 10).rows)).toEqual(['bjorn']);
    const events = datasets.browseEvents('shop', { query: 'fjällräven' }, 0, 10);
    expect(events.total).toBe(2);
    expect(ids(events.rows)).toEqual(['asa', 'bjorn']);
  });

  it('finds % and _ as themselves, with or without Nordic letters', async () => {
    const datasets = repository(await store.open());
    expect(ids(datasets.browseProfiles('people', '50%_', 0, 10).rows)).toEqual(['per']);
    expect(ids(datasets.browseProfiles('people', '%_off", "city": "malmö', 0, 10).rows)).toEqual(
      [],
    );
    expect(ids(datasets.browseProfiles('people', '%_OFF","CITY":"MALMÖ', 0, 10).rows)).toEqual([
      'per',
    ]);
    expect(datasets.browseProfiles('people', 'ö%', 0, 10).total).toBe(0);
  });
});
