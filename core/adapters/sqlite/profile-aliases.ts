import { MAX_MERGED_IDS } from '../../runtime/profile-merge';
import type { Db } from './database';

/** An id merged into a profile, and when. */
export interface MergedId {
  id: string;
  mergedAt: number;
}

/**
 * The merged ids of profiles (DESIGN §8) and the move of an anonymous profile's rows into the
 * known one. The engine store calls `merge` inside the transaction of the identify that caused
 * it, so a merge is applied whole or not at all; the profiles browser reads `mergedInto`.
 */
export class ProfileAliases {
  private readonly sql;

  constructor(db: Db) {
    const p = (text: string) => db.prepare(text);
    this.sql = {
      profileOf: p('SELECT profile_id AS id FROM profile_aliases WHERE alias = ?'),
      moveEvents: p('UPDATE events SET profile_id = ? WHERE profile_id = ?'),
      enrollmentsOf: p('SELECT id, data FROM enrollments WHERE profile_id = ?'),
      moveEnrollment: p('UPDATE enrollments SET profile_id = ?, data = ? WHERE id = ?'),
      removeProfile: p('DELETE FROM profiles WHERE id = ?'),
      forgetMembership: p('DELETE FROM segment_members WHERE profile_id = ?'),
      rechain: p('UPDATE profile_aliases SET profile_id = ? WHERE profile_id = ?'),
      record: p(
        `INSERT INTO profile_aliases (alias, profile_id, merged_at) VALUES (?, ?, ?)
         ON CONFLICT(alias) DO UPDATE SET profile_id = excluded.profile_id,
                                          merged_at = excluded.merged_at`,
      ),
      bound: p(
        `DELETE FROM profile_aliases WHERE profile_id = ? AND alias NOT IN (
           SELECT alias FROM profile_aliases WHERE profile_id = ?
           ORDER BY merged_at DESC, rowid DESC LIMIT ?)`,
      ),
      mergedInto: p(
        `SELECT alias AS id, merged_at AS mergedAt FROM profile_aliases
         WHERE profile_id = ? ORDER BY merged_at DESC, rowid DESC LIMIT ?`,
      ),
    };
  }

  /** The profile a merged id stands for, if it was merged. */
  profileOf(id: string): string | undefined {
    return (this.sql.profileOf.get(id) as { id: string } | undefined)?.id;
  }

  /**
   * Moves profile `from`'s events and enrollments to `into`, removes `from`, and records it (and
   * the ids merged into it before) as ids of `into`, keeping the latest `MAX_MERGED_IDS`. Runs in
   * the caller's transaction.
   */
  merge(from: string, into: string, at: number): void {
    this.sql.moveEvents.run(into, from);
    // Rewritten here rather than with SQLite's json_set, so PostgreSQL runs the same code.
    const moved = this.sql.enrollmentsOf.all(from) as { id: string; data: string }[];
    for (const row of moved) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      this.sql.moveEnrollment.run(into, JSON.stringify({ ...data, profileId: into }), row.id);
    }
    this.sql.removeProfile.run(from);
    this.sql.forgetMembership.run(from);
    this.sql.rechain.run(into, from);
    this.sql.record.run(from, into, at);
    this.sql.bound.run(into, into, MAX_MERGED_IDS);
  }

  /** The ids merged into a profile, the latest first. */
  mergedInto(profileId: string): MergedId[] {
    return this.sql.mergedInto.all(profileId, MAX_MERGED_IDS) as MergedId[];
  }
}
