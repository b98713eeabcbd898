import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { FILE_KINDS, type FileKind } from '../../../core/api/file-contract';
import { writeFileAtomic } from './atomic-write';

/** A file the user opened or saved. Its path never leaves main: the renderer gets the id. */
export interface RecentFile {
  id: string;
  path: string;
  kind: FileKind;
  at: number;
}

const recentFileSchema = z.object({
  id: z.string().min(1).max(64),
  path: z.string().min(1),
  kind: z.enum(FILE_KINDS),
  at: z.number(),
});

export interface RecentFilesOptions {
  /** The JSON file the list is kept in (in the app's data folder). */
  file: string;
  limit?: number;
  now?: () => number;
  newId?: () => string;
  /** The operating system's own list (Dock, jump list, GNOME recent files). */
  addToOs?: (path: string) => void;
  clearOs?: () => void;
  log?: (message: string) => void;
}

/** File ▸ Open Recent: newest first, one entry per path, kept across launches. */
export class RecentFiles {
  private files: RecentFile[] = [];
  private readonly listeners = new Set<() => void>();
  private saving: Promise<void> = Promise.resolve();

  private constructor(private readonly options: RecentFilesOptions) {}

  static async load(options: RecentFilesOptions): Promise<RecentFiles> {
    const recent = new RecentFiles(options);
    try {
      const parsed = z
        .object({ files: z.array(z.unknown()) })
        .safeParse(JSON.parse(await readFile(options.file, 'utf8')));
      if (parsed.success) {
        recent.files = parsed.data.files.flatMap((entry) => {
          const file = recentFileSchema.safeParse(entry);
          return file.success ? [file.data] : [];
        });
      }
    } catch {
      // No list yet, or an unreadable one: start empty rather than refuse to start.
    }
    return recent;
  }

  list(): readonly RecentFile[] {
    return this.files;
  }

  get(id: string): RecentFile | undefined {
    return this.files.find((file) => file.id === id);
  }

  async add(path: string, kind: FileKind): Promise<RecentFile> {
    const existing = this.files.find((file) => file.path === path);
    const entry: RecentFile = {
      id: existing?.id ?? (this.options.newId ?? randomUUID)(),
      path,
      kind,
      at: (this.options.now ?? Date.now)(),
    };
    this.files = [entry, ...this.files.filter((file) => file.path !== path)].slice(
      0,
      this.options.limit ?? 10,
    );
    this.options.addToOs?.(path);
    await this.changed();
    return entry;
  }

  async remove(id: string): Promise<void> {
    const before = this.files.length;
    this.files = this.files.filter((file) => file.id !== id);
    if (this.files.length !== before) await this.changed();
  }

  async clear(): Promise<void> {
    this.files = [];
    this.options.clearOs?.();
    await this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): Promise<void> {
    for (const listener of this.listeners) listener();
    const text = `${JSON.stringify({ version: 1, files: this.files }, null, 2)}\n`;
    // Writes run one after another, so the last change always wins on disk.
    this.saving = this.saving
      .then(() => writeFileAtomic(this.options.file, text, { mode: 0o600 }))
      .catch((error: unknown) => {
        this.options.log?.(`Could not save the recent files list: ${String(error)}`);
      });
    return this.saving;
  }
}

/** Menu labels: the file's name, and its folder too when two entries share a name. */
export function recentFileLabels(files: readonly RecentFile[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const file of files)
    counts.set(basename(file.path), (counts.get(basename(file.path)) ?? 0) + 1);
  return new Map(
    files.map((file) => {
      const name = basename(file.path);
      const folder = basename(file.path.slice(0, file.path.length - name.length - 1));
      return [file.id, (counts.get(name) ?? 0) > 1 && folder ? `${name} — ${folder}` : name];
    }),
  );
}
