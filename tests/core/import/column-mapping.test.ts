import { describe, expect, it } from 'vitest';
import { parseColumnMapping, validateColumnMapping } from '../../../core/import/column-mapping';

describe('parseColumnMapping', () => {
  it('reads target=source pairs, ignoring spaces and a trailing comma', () => {
    expect(
      parseColumnMapping(' profile_id = user_id , name=event_type,time=event_time,', 'events'),
    ).toEqual({
      ok: true,
      mapping: { profile_id: 'user_id', name: 'event_type', time: 'event_time' },
    });
  });

  it('lets profiles rename any attribute and keeps spaces inside column names', () => {
    expect(parseColumnMapping('id=Customer ID,email=mail', 'profiles')).toEqual({
      ok: true,
      mapping: { id: 'Customer ID', email: 'mail' },
    });
  });

  it('reports every malformed entry with a stable code and a readable message', () => {
    const result = parseColumnMapping(
      'profile_id=user_id,when=event_time,name=,=x,time,profile_id=uid',
      'events',
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          code: 'malformed-entry',
          entry: 'time',
          message: '"time" is not target=source (for example name=event_type)',
        },
        {
          code: 'unknown-target',
          entry: 'when=event_time',
          message:
            '"when" is not something an event mapping sets; use profile_id, name, time or anonymous_id (other columns become event properties under their own names)',
        },
        {
          code: 'empty-source',
          entry: 'name=',
          message: '"name=" names no source column for name',
        },
        { code: 'empty-target', entry: '=x', message: '"=x" names no target' },
        {
          code: 'duplicate-target',
          entry: 'profile_id=uid',
          message: 'profile_id is mapped twice ("user_id" and "uid")',
        },
      ],
    });
  });

  it('catches an event mapping used for profiles', () => {
    const result = parseColumnMapping('profile_id=user_id', 'profiles');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({
      code: 'unknown-target',
      message: expect.stringContaining('id=<column>') as unknown,
    });
  });

  it('checks a mapping given as an object by the same rules', () => {
    expect(validateColumnMapping({ profile_id: 'user_id' }, 'events')).toEqual({
      ok: true,
      mapping: { profile_id: 'user_id' },
    });
    expect(validateColumnMapping({ user: 'x', name: ' ' }, 'events')).toMatchObject({
      ok: false,
      problems: [{ code: 'unknown-target' }, { code: 'empty-source' }],
    });
  });
});
