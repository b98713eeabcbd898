import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFileHandlers, safeFileName } from '../../electron/main/files/file-handlers';
import { RecentFiles, recentFileLabels } from '../../electron/main/files/recent-files';
import { xlsx } from '../core/import/workbooks';

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'files-'));
  const recent = await RecentFiles.load({ file: join(dir, 'recent-files.json') });
  const showOpenDialog = vi.fn();
  const showSaveDialog = vi.fn();
  const printToPdf = vi.fn((html: string) =>
    Promise.resolve(new TextEncoder().encode(`%PDF ${html}`)),
  );
  const handlers = createFileHandlers({
    showOpenDialog,
    showSaveDialog,
    recent,
    defaultFolder: () => join(dir, 'Documents'),
    printToPdf,
  });
  return { dir, recent, showOpenDialog, showSaveDialog, printToPdf, handlers };
}

describe('opening a file', () => {
  it('returns the chosen file’s name and text, never its path', async () => {
    const { dir, handlers, showOpenDialog, recent } = await setup();
    const path = join(dir, 'cart.json');
    writeFileSync(path, '\uFEFF{"id":"cart"}');
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    const opened = await handlers.openFile({ kind: 'journey' });
    expect(opened).toEqual({
      canceled: false,
      kind: 'journey',
      fileName: 'cart.json',
      text: '{"id":"cart"}',
    });
    expect(JSON.stringify(opened)).not.toContain(dir);
    expect(recent.list()[0]).toMatchObject({ path, kind: 'journey' });
    expect(showOpenDialog.mock.calls[0]?.[0]).toMatchObject({
      properties: ['openFile'],
      filters: [{ extensions: ['json'] }],
    });
  });

  it('reads a Latin-1 export as Latin-1 and says so, where it read “�” before', async () => {
    const { dir, handlers, showOpenDialog } = await setup();
    const path = join(dir, 'kunder.csv');
    writeFileSync(path, Buffer.from('id,name\n1,Åsa Öberg\n', 'latin1'));
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    const opened = await handlers.openFile({ kind: 'profiles' });
    expect(opened).toMatchObject({
      text: 'id,name\n1,Åsa Öberg\n',
      warnings: [{ code: 'encoding-latin1' }],
    });
  });

  it('reads another sheet of the workbook it opened last; after a CSV there is none to read', async () => {
    const { dir, handlers, showOpenDialog } = await setup();
    const path = join(dir, 'kunder.xlsx');
    writeFileSync(
      path,
      await xlsx([
        { name: 'Notater', rows: [['Skrevet av'], ['Åse']] },
        {
          name: 'Kunder',
          rows: [
            ['id', 'city'],
            ['k1', 'Tromsø'],
          ],
        },
      ]),
    );
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    expect(await handlers.openFile({ kind: 'profiles' })).toMatchObject({
      sheets: ['Notater', 'Kunder'],
      sheet: 'Notater',
    });
    expect(await handlers.openSheet({ kind: 'profiles', sheet: 'Kunder' })).toMatchObject({
      fileName: 'kunder.xlsx',
      text: 'id,city\nk1,Tromsø\n',
      sheet: 'Kunder',
    });

    const csv = join(dir, 'kunder.csv');
    writeFileSync(csv, 'id\nk1\n');
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [csv] });
    await handlers.openFile({ kind: 'profiles' });
    await expect(handlers.openSheet({ kind: 'profiles', sheet: 'Kunder' })).rejects.toMatchObject({
      code: 'not-found',
      reason: 'workbook-closed',
    });
  });

  it('says canceled when the user cancels', async () => {
    const { handlers, showOpenDialog } = await setup();
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await handlers.openFile({ kind: 'profiles' })).toEqual({ canceled: true });
  });

  it('refuses a file too large to hand to the window', async () => {
    const { dir, handlers, showOpenDialog } = await setup();
    const path = join(dir, 'huge.json');
    writeFileSync(path, Buffer.alloc(10_000_001, 0x20));
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    await expect(handlers.openFile({ kind: 'journey' })).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('command line') as unknown,
    });
  });

  it('opens a recent file by its id, and drops one that has gone', async () => {
    const { dir, handlers, recent } = await setup();
    const path = join(dir, 'events.csv');
    writeFileSync(path, 'profile_id,name,time\n');
    const entry = await recent.add(path, 'events');
    expect(await handlers.openRecentFile({ id: entry.id })).toMatchObject({
      kind: 'events',
      fileName: 'events.csv',
    });
    rmSync(path);
    await expect(handlers.openRecentFile({ id: entry.id })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(recent.list()).toEqual([]);
    await expect(handlers.openRecentFile({ id: 'made-up' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('saving a file', () => {
  it('writes the text where the user chose, offering a safe name', async () => {
    const { dir, handlers, showSaveDialog, recent } = await setup();
    const path = join(dir, 'chosen.json');
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: path });
    const saved = await handlers.saveFile({
      kind: 'journey',
      suggestedName: '../../.ssh/authorized_keys',
      text: '{"id":"cart"}\n',
    });
    expect(saved).toEqual({ canceled: false, fileName: 'chosen.json' });
    expect(readFileSync(path, 'utf8')).toBe('{"id":"cart"}\n');
    const offered = (showSaveDialog.mock.calls[0]?.[0] as { defaultPath: string }).defaultPath;
    expect(offered).toBe(join(dir, 'Documents', '-..-.ssh-authorized_keys.json'));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(recent.list()[0]).toMatchObject({ path, kind: 'journey' });
  });

  it('writes nothing when the user cancels', async () => {
    const { dir, handlers, showSaveDialog } = await setup();
    showSaveDialog.mockResolvedValue({ canceled: true });
    expect(await handlers.saveFile({ kind: 'events', suggestedName: 'x', text: 'y' })).toEqual({
      canceled: true,
    });
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });

  it('saves journey tests as a cases file, kept off the recent list Open Recent opens', async () => {
    const { dir, handlers, showSaveDialog, recent } = await setup();
    const path = join(dir, 'abandoned-cart.cases.json');
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: path });
    const saved = await handlers.saveFile({
      kind: 'cases',
      suggestedName: 'abandoned-cart.cases.json',
      text: '{"format":"journey-studio/cases"}\n',
    });
    expect(saved).toEqual({ canceled: false, fileName: 'abandoned-cart.cases.json' });
    expect(readFileSync(path, 'utf8')).toBe('{"format":"journey-studio/cases"}\n');
    expect(showSaveDialog.mock.calls[0]?.[0]).toMatchObject({
      title: 'Save the test case',
      filters: [{ name: 'Journey tests', extensions: ['json'] }],
    });
    expect(recent.list()).toEqual([]);
    expect(safeFileName('Cart tests', 'cases')).toBe('Cart tests.cases.json');
  });

  it('makes suggested names into bare file names', () => {
    expect(safeFileName('Abandoned cart', 'journey')).toBe('Abandoned cart.json');
    expect(safeFileName('C:\\Windows\\win.ini', 'journey')).toBe('C--Windows-win.ini.json');
    expect(safeFileName('Cart v1.2', 'journey')).toBe('Cart v1.2.json');
    expect(safeFileName('profiles.NDJSON', 'profiles')).toBe('profiles.NDJSON');
    expect(safeFileName('...', 'profiles')).toBe('profiles.csv');
    expect(safeFileName('a\u0000b<>|?*.csv', 'events')).toBe('a-b-----.csv');
  });
});

describe('recent files', () => {
  it('keeps one entry per path, newest first, up to the limit, across launches', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'recent-')), 'recent-files.json');
    let now = 0;
    const recent = await RecentFiles.load({ file, limit: 3, now: () => ++now });
    const a = await recent.add('/j/a.json', 'journey');
    await recent.add('/j/b.json', 'journey');
    await recent.add('/j/c.csv', 'profiles');
    const again = await recent.add('/j/a.json', 'journey');
    expect(again.id).toBe(a.id);
    await recent.add('/j/d.json', 'journey');
    expect(recent.list().map((f) => f.path)).toEqual(['/j/d.json', '/j/a.json', '/j/c.csv']);
    const reloaded = await RecentFiles.load({ file });
    expect(reloaded.list()).toEqual(recent.list());
  });

  it('starts empty from a damaged list, keeping the good entries', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'recent-')), 'recent-files.json');
    writeFileSync(
      file,
      JSON.stringify({ files: [{ id: 'x', path: '/a.json', kind: 'journey', at: 1 }, { id: 5 }] }),
    );
    expect((await RecentFiles.load({ file })).list()).toHaveLength(1);
    writeFileSync(file, 'not json');
    expect((await RecentFiles.load({ file })).list()).toEqual([]);
  });

  it('tells the OS and the menu about changes', async () => {
    const addToOs = vi.fn();
    const clearOs = vi.fn();
    const recent = await RecentFiles.load({
      file: join(mkdtempSync(join(tmpdir(), 'recent-')), 'r.json'),
      addToOs,
      clearOs,
    });
    const changed = vi.fn();
    recent.onChange(changed);
    await recent.add('/a.json', 'journey');
    await recent.clear();
    expect(addToOs).toHaveBeenCalledWith('/a.json');
    expect(clearOs).toHaveBeenCalled();
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('labels entries by name, adding the folder when two share a name', () => {
    const labels = recentFileLabels([
      { id: '1', path: join('/work', 'a', 'cart.json'), kind: 'journey', at: 1 },
      { id: '2', path: join('/work', 'b', 'cart.json'), kind: 'journey', at: 1 },
      { id: '3', path: join('/work', 'welcome.json'), kind: 'journey', at: 1 },
    ]);
    expect([...labels.values()]).toEqual(['cart.json — a', 'cart.json — b', 'welcome.json']);
  });
});

describe('saving the sign-off pack', () => {
  it('prints the pack to a PDF where the user chose, and names only the file', async () => {
    const { dir, handlers, showSaveDialog, printToPdf } = await setup();
    const path = join(dir, 'Documents', 'cart-v2-sign-off.pdf');
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: path });
    const saved = await handlers.saveSignOffPack({
      suggestedName: 'cart-v2-sign-off',
      html: '<p>Pack</p>',
    });
    expect(saved).toEqual({ canceled: false, fileName: 'cart-v2-sign-off.pdf' });
    expect(printToPdf).toHaveBeenCalledWith('<p>Pack</p>');
    expect(readFileSync(path, 'utf8')).toBe('%PDF <p>Pack</p>');
    expect(showSaveDialog.mock.calls[0]?.[0]).toMatchObject({
      defaultPath: join(dir, 'Documents', 'cart-v2-sign-off.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('prints nothing when the user cancels, and keeps a suggested name to a bare file name', async () => {
    const { handlers, showSaveDialog, printToPdf } = await setup();
    showSaveDialog.mockResolvedValue({ canceled: true });
    expect(await handlers.saveSignOffPack({ suggestedName: '../../etc/pack', html: 'x' })).toEqual({
      canceled: true,
    });
    expect(printToPdf).not.toHaveBeenCalled();
    const options = showSaveDialog.mock.calls[0]?.[0] as { defaultPath: string };
    expect(options.defaultPath).toMatch(/[/\\]\.\.-\.\.-etc-pack\.pdf$|-etc-pack\.pdf$/);
  });
});
