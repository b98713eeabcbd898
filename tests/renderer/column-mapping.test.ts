import { describe, expect, it } from 'vitest';
import {
  cellText,
  initialMapping,
  mappingText,
  nameFromFile,
  parseMapping,
  previewColumns,
  unmappedFields,
} from '../../renderer/data/column-mapping';

const REES46 = [
  'event_time',
  'event_type',
  'product_id',
  'category_id',
  'category_code',
  'brand',
  'price',
  'user_id',
  'user_session',
];

describe('choosing the columns of an import', () => {
  it('starts from the suggestion for an export such as REES46', () => {
    const choice = initialMapping(
      'events',
      REES46,
      'profile_id=user_id,name=event_type,time=event_time',
    );
    expect(choice).toEqual({ profile_id: 'user_id', name: 'event_type', time: 'event_time' });
    expect(mappingText('events', choice)).toBe(
      'profile_id=user_id,name=event_type,time=event_time',
    );
    expect(unmappedFields('events', REES46, choice)).toEqual([]);
  });

  it('needs no mapping for a file with the usual names', () => {
    const columns = ['profile_id', 'name', 'time', 'brand'];
    const choice = initialMapping('events', columns, undefined);
    expect(choice).toEqual({ profile_id: 'profile_id', name: 'name', time: 'time' });
    expect(mappingText('events', choice)).toBeUndefined();
    expect(initialMapping('events', ['userId', 'event', 'timestamp'], undefined)).toEqual({
      profile_id: 'userId',
      name: 'event',
      time: 'timestamp',
    });
  });

  it('says which fields still need a column', () => {
    const columns = ['who', 'what', 'when'];
    const choice = initialMapping('events', columns, undefined);
    expect(unmappedFields('events', columns, choice).map((f) => f.label)).toEqual([
      'Profile id',
      'Event name',
      'Time',
    ]);
    const mapped = { ...choice, profile_id: 'who', name: 'what', time: 'when' };
    expect(unmappedFields('events', columns, mapped)).toEqual([]);
    expect(mappingText('events', mapped)).toBe('profile_id=who,name=what,time=when');
  });

  it('maps the profile id of a profile file', () => {
    expect(initialMapping('profiles', ['customer_id', 'email'], undefined)).toEqual({ id: '' });
    expect(mappingText('profiles', { id: 'customer_id' })).toBe('id=customer_id');
    expect(parseMapping(' id = customer_id , ,bad')).toEqual({ id: 'customer_id' });
  });
});

describe('the preview table', () => {
  it('puts the fields read first, says where they came from and how they were typed', () => {
    const rows = [
      { profile_id: '541', name: 'view', time: '2019-10-01T00:00:00.000Z', price: 35.79 },
      { profile_id: '554', name: 'cart', time: '2019-10-01T00:00:01.000Z', price: '33.20x' },
    ];
    const choice = { profile_id: 'user_id', name: 'event_type', time: 'event_time' };
    expect(previewColumns('events', rows, choice)).toEqual([
      { key: 'profile_id', from: 'user_id', type: 'text' },
      { key: 'name', from: 'event_type', type: 'text' },
      { key: 'time', from: 'event_time', type: 'time' },
      { key: 'price', type: 'mixed' },
    ]);
    expect(cellText('2019-10-01T00:00:01.000Z', 'time').text).toBe('2019-10-01 00:00:01 UTC');
    expect(cellText(35.79)).toEqual({ text: '35.79', kind: 'number' });
    expect(cellText(false)).toEqual({ text: 'false', kind: 'boolean' });
    expect(cellText('')).toEqual({ text: '—', kind: 'empty' });
  });

  it('names a data set after its file', () => {
    expect(nameFromFile('rees46-multicategory-2019-Oct-head.csv')).toBe(
      'rees46 multicategory 2019 Oct head',
    );
  });
});
