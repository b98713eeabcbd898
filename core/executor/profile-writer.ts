import { applyProfileChange, makeProfile, type Profile } from '../model/profile';
import type { LiveStore } from './ports';

/** Profiles written as they come. */
export interface ProfileWriter {
  add(profile: Profile): void;
  /** Commits the rest; returns how many profiles were written in all. */
  close(): number;
}

/** Profiles per transaction. */
const BATCH = 1_000;

/**
 * Adds or updates profiles in the store as they come (attributes merged over the stored ones),
 * committed a thousand at a time, so a file of any size is imported in bounded memory.
 */
export function profileWriter(store: LiveStore): ProfileWriter {
  let count = 0;
  let batch: Profile[] = [];
  const write = () => {
    store.transaction(() => {
      for (const p of batch) {
        const stored = store.getProfile(p.id);
        store.putProfile(
          stored
            ? applyProfileChange(stored, { set: p.attributes })
            : makeProfile(p.id, p.attributes),
        );
      }
    });
    store.discardCache();
    count += batch.length;
    batch = [];
  };
  return {
    add: (profile) => {
      batch.push(profile);
      if (batch.length === BATCH) write();
    },
    close: () => {
      if (batch.length > 0) write();
      return count;
    },
  };
}
