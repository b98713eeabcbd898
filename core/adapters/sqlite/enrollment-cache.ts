import type { Enrollment } from '../../runtime/ports';
import type { EngineStatements } from './engine-statements';

/**
 * The enrollments read during a transaction, kept until it ends (see `SqliteEngineStore`): the
 * interpreter mutates the objects it is given and finishes each change with `put`, and
 * `ofProfile` must show writes made earlier in the same transaction. They are written when a
 * unit ends, once however often they changed.
 */
export class EnrollmentCache {
  private readonly enrollments = new Map<string, Enrollment>();
  private readonly byProfile = new Map<string, Enrollment[]>();
  /** Enrollments changed in this unit; those with an `ord` are new. */
  private readonly dirty = new Map<string, number | undefined>();

  constructor(
    private readonly sql: EngineStatements,
    /** The creation number of a new enrollment. */
    private readonly nextOrd: () => number,
  ) {}

  private adopt(id: string, data: string): Enrollment {
    let enrollment = this.enrollments.get(id);
    if (!enrollment) {
      enrollment = JSON.parse(data) as Enrollment;
      this.enrollments.set(id, enrollment);
    }
    return enrollment;
  }

  get(id: string): Enrollment | undefined {
    const cached = this.enrollments.get(id);
    if (cached) return cached;
    const row = this.sql.getEnrollment.get(id) as { data: string } | undefined;
    return row && this.adopt(id, row.data);
  }

  ofProfile(profileId: string): readonly Enrollment[] {
    let list = this.byProfile.get(profileId);
    if (!list) {
      const rows = this.sql.enrollmentsOf.all(profileId) as { id: string; data: string }[];
      list = rows.map((r) => this.adopt(r.id, r.data));
      this.byProfile.set(profileId, list);
    }
    return list;
  }

  put(enrollment: Enrollment): void {
    if (this.dirty.has(enrollment.id)) return;
    // Known means read from the database or put earlier in this transaction: the interpreter
    // only puts objects it was given, or new ones with an id it derived from those it read.
    const known = this.enrollments.get(enrollment.id);
    if (known) {
      if (known !== enrollment) {
        const list = this.byProfile.get(enrollment.profileId);
        if (list) list[list.indexOf(known)] = enrollment;
        this.enrollments.set(enrollment.id, enrollment);
      }
      this.dirty.set(enrollment.id, undefined);
      return;
    }
    const list = this.ofProfile(enrollment.profileId) as Enrollment[];
    this.enrollments.set(enrollment.id, enrollment);
    list.push(enrollment);
    this.dirty.set(enrollment.id, this.nextOrd());
  }

  /** `from` was merged into `into` in the database: its enrollments are `into`'s now. */
  merged(from: string, into: string): void {
    for (const e of this.enrollments.values()) if (e.profileId === from) e.profileId = into;
    this.byProfile.delete(from);
    this.byProfile.delete(into);
  }

  /** Writes the enrollments changed in memory. */
  flush(): void {
    if (this.dirty.size === 0) return;
    for (const [id, ord] of this.dirty) {
      const e = this.enrollments.get(id);
      if (!e) continue;
      const data = JSON.stringify(e);
      if (ord === undefined) this.sql.updateEnrollment.run(e.status, e.nodeId, e.version, data, id);
      else
        this.sql.insertEnrollment.run(
          id,
          ord,
          e.profileId,
          e.journeyId,
          e.version,
          e.status,
          e.nodeId,
          data,
        );
    }
    this.dirty.clear();
  }

  clear(): void {
    this.enrollments.clear();
    this.byProfile.clear();
    this.dirty.clear();
  }
}
