import type { VersionEntry, VersionHistoryStore } from '../../app/ports';
import type { VersionApproval } from '../../versions/approvals';
import type { Db } from './database';

interface VersionRow {
  version: number;
  published_at: number;
  note: string | null;
  note_by: string | null;
}

interface ApprovalRow {
  id: number;
  journey_id: string;
  version: number;
  name: string;
  role: string;
  comment: string;
  sha256: string;
  approved_at: number;
}

/** Most versions listed for a journey, newest first: a journey published daily for years fits. */
const MAX_LISTED_VERSIONS = 2_000;
/** Most approvals listed for a journey. */
const MAX_LISTED_APPROVALS = 5_000;

/** A journey's published versions with their notes, and the approvals recorded on them. */
export class SqliteVersionHistory implements VersionHistoryStore {
  constructor(private readonly db: Db) {}

  versions(journeyId: string): VersionEntry[] {
    const rows = this.db
      .prepare(
        `SELECT version, published_at, note, note_by FROM journey_versions
         WHERE journey_id = ? ORDER BY version DESC LIMIT ${MAX_LISTED_VERSIONS}`,
      )
      .all(journeyId) as VersionRow[];
    return rows.map((r) => ({
      version: r.version,
      publishedAt: r.published_at,
      ...(r.note !== null && { note: r.note }),
      ...(r.note_by !== null && { noteBy: r.note_by }),
    }));
  }

  setNote(journeyId: string, version: number, note: string, by: string | undefined): boolean {
    return (
      this.db
        .prepare(
          'UPDATE journey_versions SET note = ?, note_by = ? WHERE journey_id = ? AND version = ?',
        )
        .run(note === '' ? null : note, by ?? null, journeyId, version).changes > 0
    );
  }

  approvals(journeyId: string): VersionApproval[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM version_approvals WHERE journey_id = ?
         ORDER BY version DESC, id DESC LIMIT ${MAX_LISTED_APPROVALS}`,
      )
      .all(journeyId) as ApprovalRow[];
    return rows.map((r) => ({
      id: r.id,
      journeyId: r.journey_id,
      version: r.version,
      name: r.name,
      role: r.role,
      comment: r.comment,
      sha256: r.sha256,
      approvedAt: r.approved_at,
    }));
  }

  approve(approval: Omit<VersionApproval, 'id'>): VersionApproval {
    const result = this.db
      .prepare(
        `INSERT INTO version_approvals (journey_id, version, name, role, comment, sha256, approved_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        approval.journeyId,
        approval.version,
        approval.name,
        approval.role,
        approval.comment,
        approval.sha256,
        approval.approvedAt,
      );
    return { ...approval, id: Number(result.lastInsertRowid) };
  }
}
