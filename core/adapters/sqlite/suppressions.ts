import type { Channel } from '../../runtime/step';
import type { Db } from './database';

/** The key of a suppression-list entry: lower-cased `channel:address`. */
export function suppressionEntry(channel: Channel, address: string): string {
  return `${channel}:${address.toLowerCase()}`;
}

export interface Suppression {
  channel: Channel;
  address: string;
  reason: string;
  createdAt: number;
}

/** Addresses never to message again (unsubscribe links, hard bounces, manual entries). */
export class SuppressionList {
  constructor(private readonly db: Db) {}

  /** Adds an address; returns false when it was already listed. */
  add(channel: Channel, address: string, reason: string, now: number): boolean {
    return (
      this.db
        .prepare(
          'INSERT INTO suppressions (entry, reason, created_at) VALUES (?, ?, ?) ON CONFLICT(entry) DO NOTHING',
        )
        .run(suppressionEntry(channel, address), reason, now).changes > 0
    );
  }

  remove(channel: Channel, address: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM suppressions WHERE entry = ?')
        .run(suppressionEntry(channel, address)).changes > 0
    );
  }

  has(channel: Channel, address: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM suppressions WHERE entry = ?')
        .get(suppressionEntry(channel, address)) !== undefined
    );
  }

  list(limit = 1000): Suppression[] {
    const rows = this.db
      .prepare(
        'SELECT entry, reason, created_at FROM suppressions ORDER BY created_at DESC LIMIT ?',
      )
      .all(limit) as { entry: string; reason: string; created_at: number }[];
    return rows.map((r) => {
      const at = r.entry.indexOf(':');
      return {
        channel: r.entry.slice(0, at) as Channel,
        address: r.entry.slice(at + 1),
        reason: r.reason,
        createdAt: r.created_at,
      };
    });
  }
}
