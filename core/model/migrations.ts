/** A step that turns a journey document of version `from` into version `from + 1`. */
export interface Migration {
  from: number;
  /** What changed, for release notes and error messages. */
  describe: string;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The migrations of the journey file format, oldest first. Version 1 is the first version;
 * when version 2 comes, its step from 1 goes here and JOURNEY_VERSION moves to 2.
 */
export const JOURNEY_MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { ok: true; document: Record<string, unknown>; applied: string[] }
  | { ok: false; reason: string; /** The version no migration starts from. */ from: number };

/** Applies migrations one version at a time, from the document's version up to `target`. */
export function migrateDocument(
  document: Record<string, unknown>,
  version: number,
  target: number,
  migrations: readonly Migration[] = JOURNEY_MIGRATIONS,
): MigrationResult {
  let current = document;
  const applied: string[] = [];
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, reason: `no migration from version ${v} to ${v + 1}`, from: v };
    current = { ...step.migrate(current), version: v + 1 };
    applied.push(step.describe);
  }
  return { ok: true, document: current, applied };
}
