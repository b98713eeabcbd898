import type { ImageLibrary, StoredImage } from '../../app/ports';
import type { Db } from './database';

interface Row {
  id: string;
  name: string;
  type: StoredImage['type'];
  width: number;
  height: number;
  size: number;
  added_at: number;
}

const COLUMNS = 'id, name, type, width, height, size, added_at';

function image(row: Row): StoredImage {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    width: row.width,
    height: row.height,
    size: row.size,
    addedAt: row.added_at,
  };
}

/** The library's images in the database, bytes and all, so a backup of the file holds them too. */
export class SqliteImageLibrary implements ImageLibrary {
  constructor(private readonly db: Db) {}

  list(): StoredImage[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM images ORDER BY added_at DESC, id LIMIT 1000`)
      .all() as Row[];
    return rows.map(image);
  }

  get(id: string): StoredImage | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM images WHERE id = ?`).get(id) as
      Row | undefined;
    return row && image(row);
  }

  data(id: string): Uint8Array | undefined {
    const row = this.db.prepare('SELECT data FROM images WHERE id = ?').get(id) as
      { data: Buffer } | undefined;
    return row?.data;
  }

  /** An image's name, type and bytes in one read: for sending it, or serving it at `/i/<id>`. */
  file(id: string): { name: string; type: StoredImage['type']; data: Uint8Array } | undefined {
    return this.db.prepare('SELECT name, type, data FROM images WHERE id = ?').get(id) as
      { name: string; type: StoredImage['type']; data: Buffer } | undefined;
  }

  add(meta: StoredImage, data: Uint8Array): void {
    this.db
      .prepare(
        `INSERT INTO images (${COLUMNS}, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
      )
      .run(
        meta.id,
        meta.name,
        meta.type,
        meta.width,
        meta.height,
        meta.size,
        meta.addedAt,
        Buffer.from(data),
      );
  }
}
