import type { EngineInput } from '../../executor/ports';
import type { Db } from './database';

/** The rows the engine's store reads, as SQLite (and PostgreSQL) return them. */
export interface EventRow {
  seq: number;
  name: string;
  time: number;
  properties: string;
  message_id: string | null;
}

export interface InboxRow {
  id: number;
  type: EngineInput['type'];
  received_at: number;
  body: string;
  cursor: string | null;
}

export interface WakeRow {
  key: string | null;
  seq: number;
  wake: string;
}

/** The statements of the engine's store, prepared once per connection. */
export function engineStatements(db: Db) {
  const p = (text: string) => db.prepare(text);
  return {
    getProfile: p('SELECT attributes FROM profiles WHERE id = ?'),
    putProfile: p(
      `INSERT INTO profiles (id, attributes, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET attributes = excluded.attributes, updated_at = excluded.updated_at`,
    ),
    eventsOf: p(
      'SELECT seq, name, time, properties, message_id FROM events WHERE profile_id = ? ORDER BY seq',
    ),
    addEvent: p(
      'INSERT INTO events (profile_id, name, time, properties, message_id) VALUES (?, ?, ?, ?, ?)',
    ),
    getEnrollment: p('SELECT data FROM enrollments WHERE id = ?'),
    enrollmentsOf: p('SELECT id, data FROM enrollments WHERE profile_id = ? ORDER BY ord'),
    maxOrd: p('SELECT MAX(ord) AS v FROM enrollments'),
    insertEnrollment: p(
      `INSERT INTO enrollments (id, ord, profile_id, journey_id, version, status, node_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateEnrollment: p(
      'UPDATE enrollments SET status = ?, node_id = ?, version = ?, data = ? WHERE id = ?',
    ),
    activeEnrollments: p(
      `SELECT id FROM enrollments INDEXED BY enrollments_active
       WHERE journey_id = ? AND status = 'active' ORDER BY ord`,
    ),
    getMember: p('SELECT member FROM segment_members WHERE journey_id = ? AND profile_id = ?'),
    setMember: p(
      `INSERT INTO segment_members (journey_id, profile_id, member) VALUES (?, ?, ?)
       ON CONFLICT(journey_id, profile_id) DO UPDATE SET member = excluded.member`,
    ),
    maxWakeSeq: p('SELECT MAX(seq) AS v FROM wakes'),
    scheduleKeyed: p(
      `INSERT INTO wakes (key, seq, at, priority, journey_id, wake) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(key) WHERE key IS NOT NULL
       DO UPDATE SET seq = excluded.seq, at = excluded.at, priority = excluded.priority,
                     journey_id = excluded.journey_id, wake = excluded.wake`,
    ),
    schedule: p(
      'INSERT INTO wakes (key, seq, at, priority, journey_id, wake) VALUES (NULL, ?, ?, ?, ?, ?)',
    ),
    nextWakes: p(
      'SELECT key, seq, wake FROM wakes ORDER BY at, priority DESC, journey_id, seq LIMIT ?',
    ),
    takeWake: p('DELETE FROM wakes WHERE at = ? AND priority = ? AND journey_id = ? AND seq = ?'),
    addMessage: p(
      `INSERT INTO outbox (key, journey_id, version, node_id, enrollment_id, profile_id, channel,
                           address, at, content, next_attempt_at, transactional)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING`,
    ),
    sentCount: p(
      'SELECT COUNT(*) AS n FROM outbox WHERE journey_id = ? AND profile_id = ? AND at >= ?',
    ),
    policySends: p(
      `SELECT journey_id AS journeyId, at FROM outbox
       WHERE profile_id = ? AND channel = ? AND at >= ? AND transactional = 0
       ORDER BY at, id`,
    ),
    policy: p('SELECT value FROM settings WHERE key = ?'),
    isSuppressed: p('SELECT 1 FROM suppressions WHERE entry = ?'),
    suppress: p(
      'INSERT INTO suppressions (entry, reason, created_at) VALUES (?, ?, ?) ON CONFLICT(entry) DO NOTHING',
    ),
    seen: p(
      'INSERT INTO message_ids (message_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ),
    accept: p('INSERT INTO inbox (type, received_at, body) VALUES (?, ?, ?)'),
    pendingInputs: p('SELECT id, type, received_at, body, cursor FROM inbox ORDER BY id LIMIT ?'),
    completeInput: p('DELETE FROM inbox WHERE id = ?'),
    setCursor: p('UPDATE inbox SET cursor = ? WHERE id = ?'),
    profilesAfter: p('SELECT seq AS n, id FROM profiles WHERE seq > ? ORDER BY seq LIMIT ?'),
    journal: p('INSERT INTO journal (at, profile_id, steps) VALUES (?, ?, ?)'),
    failure: p('INSERT INTO failures (at, source, payload, error) VALUES (?, ?, ?, ?)'),
  };
}

export type EngineStatements = ReturnType<typeof engineStatements>;
