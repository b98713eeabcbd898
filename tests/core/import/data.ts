import { join } from 'node:path';
import { FIXTURES } from '../fixtures';

/** A hand-made file under tests/fixtures/data/. */
export const data = (name: string) => join(FIXTURES, 'data', name);

export const REES46 = join(
  import.meta.dirname,
  '../../../assets/samples/rees46-multicategory-2019-Oct-head.csv',
);

export const REES46_MAPPING = 'profile_id=user_id,name=event_type,time=event_time';

/** `{ line, code }` of each problem, for compact expectations. */
export const where = (problems: readonly { line: number; code: string }[]) =>
  problems.map(({ line, code }) => ({ line, code }));
