import { describe, expect, it } from 'vitest';
import { createAppService } from '../../../core/adapters/local-app';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import { serializeJourney } from '../../../core/model/journey-file';
import type { Journey } from '../../../core/model/journey';
import { fixtureFiles, fixtureText, loadJourney } from '../fixtures';
import { callerOf, refusal } from './app-calls';

const T = Date.parse('2026-05-01T10:00:00Z');

function service() {
  let clock = T;
  const app = createAppService({ db: openDatabase(':memory:'), now: () => (clock += 1000) });
  const changed: string[] = [];
  app.on('journeysChanged', ({ id }) => changed.push(id));
  // Calls go through the contract's input check, as both transports do.
  const call = callerOf(app);
  return { app, changed, call };
}

describe('app service: library', () => {
  it('creates a blank journey with an id made from its name, unique', async () => {
    const { app, changed } = service();
    const first = await app.handlers.createJourney({ name: 'Abandoned cart – Q4!' });
    expect(first.journey).toMatchObject({ id: 'abandoned-cart-q4', name: 'Abandoned cart – Q4!' });
    expect(first.journey.nodes).toEqual([]);
    expect(first.revision).toBe(1);
    const second = await app.handlers.createJourney({ name: 'Abandoned cart Q4' });
    expect(second.journey.id).toBe('abandoned-cart-q4-2');
    expect(changed).toEqual(['abandoned-cart-q4', 'abandoned-cart-q4-2']);
  });

  it('creates from a starter template, under the new name', async () => {
    const { app } = service();
    const [template] = await app.handlers.listTemplates({});
    expect(template?.id).toBe('abandoned-cart');
    const record = await app.handlers.createJourney({
      name: 'Cart reminders',
      templateId: 'abandoned-cart',
    });
    expect(record.journey.id).toBe('cart-reminders');
    expect(record.journey.name).toBe('Cart reminders');
    expect(record.journey.nodes.length).toBeGreaterThan(3);
    const error = await refusal(app.handlers.createJourney({ name: 'X', templateId: 'nope' }));
    expect(error.code).toBe('not-found');
  });

  it('lists journeys with step counts and errors', async () => {
    const { app } = service();
    await app.handlers.createJourney({ name: 'Empty' });
    await app.handlers.importJourney({
      fileName: 'b.json',
      text: fixtureText('journeys', 'birthday.json'),
    });
    const list = await app.handlers.listJourneys({});
    const byId = new Map(list.map((j) => [j.id, j]));
    expect(byId.get('empty')).toMatchObject({ nodeCount: 0, errors: 1 });
    expect(byId.get('birthday')).toMatchObject({ errors: 0 });
    expect(byId.get('birthday')?.nodeCount).toBeGreaterThan(0);
  });

  it('saves with the revision it was loaded at, and refuses a stale one', async () => {
    const { app } = service();
    const { journey, revision } = await app.handlers.createJourney({ name: 'Welcome' });
    const renamed: Journey = { ...journey, description: 'Hello' };
    const saved = await app.handlers.saveJourney({ journey: renamed, revision });
    expect(saved.revision).toBe(2);
    const conflict = await refusal(app.handlers.saveJourney({ journey, revision }));
    expect(conflict.code).toBe('conflict');
    expect((await app.handlers.getJourney({ id: 'welcome' })).journey.description).toBe('Hello');
    // Without a revision the save goes through (the "save mine over it" choice).
    expect((await app.handlers.saveJourney({ journey })).revision).toBe(3);
  });

  it('refuses a journey the file format cannot hold, whole, naming the field', async () => {
    const { app, call } = service();
    const { journey, revision } = await app.handlers.createJourney({ name: 'Welcome' });
    const unknownKind = {
      ...journey,
      nodes: [
        { id: 'a', kind: 'trigger', config: { on: 'event', event: 'x' } },
        { id: 'b', kind: 'teleport', config: {} },
      ],
    };
    const error = await refusal(call('saveJourney', { journey: unknownKind, revision }));
    expect(error).toMatchObject({ code: 'invalid-request', field: 'journey.nodes.1.kind' });
    expect(error.message).toMatch(/unknown kind "teleport"/);

    const duplicate = {
      ...journey,
      nodes: [
        { id: 'a', kind: 'exit', config: {} },
        { id: 'a', kind: 'exit', config: {} },
      ],
    };
    expect(await refusal(call('saveJourney', { journey: duplicate, revision }))).toMatchObject({
      field: 'journey.nodes.1.id',
    });
    const nameless = { ...journey, name: 42 };
    expect(await refusal(call('saveJourney', { journey: nameless, revision }))).toMatchObject({
      code: 'invalid-request',
      field: 'journey.name',
    });
    expect((await app.handlers.getJourney({ id: 'welcome' })).revision).toBe(1);
  });

  it('accepts a journey that merely has validation problems', async () => {
    const { app } = service();
    const { journey } = await app.handlers.createJourney({ name: 'Draft' });
    const draft = {
      ...journey,
      nodes: [{ id: 'w', kind: 'wait', config: { mode: 'duration', duration: 'soon' } }],
    };
    await expect(app.handlers.saveJourney({ journey: draft, revision: 1 })).resolves.toMatchObject({
      revision: 2,
    });
  });

  it('refuses a save for a journey deleted meanwhile', async () => {
    const { app } = service();
    const { journey, revision } = await app.handlers.createJourney({ name: 'Gone' });
    await app.handlers.deleteJourney({ id: journey.id });
    expect((await refusal(app.handlers.saveJourney({ journey, revision }))).code).toBe('not-found');
  });

  it('renames, duplicates under a new id, and deletes', async () => {
    const { app } = service();
    await app.handlers.createJourney({ name: 'Welcome' });
    const renamed = await app.handlers.renameJourney({ id: 'welcome', name: 'Welcome series' });
    expect(renamed.journey).toMatchObject({ id: 'welcome', name: 'Welcome series' });
    const copy = await app.handlers.duplicateJourney({ id: 'welcome' });
    expect(copy.journey).toMatchObject({
      id: 'welcome-series-copy',
      name: 'Welcome series (copy)',
    });
    expect(await app.handlers.deleteJourney({ id: 'welcome' })).toEqual({ deleted: true });
    expect((await refusal(app.handlers.getJourney({ id: 'welcome' }))).code).toBe('not-found');
    expect((await refusal(app.handlers.deleteJourney({ id: 'welcome' }))).code).toBe('not-found');
  });
});

describe('app service: import and export', () => {
  it.each(fixtureFiles('journeys'))('exports %s byte for byte as imported', async (file) => {
    const { app } = service();
    const text = fixtureText('journeys', file);
    const imported = await app.handlers.importJourney({ fileName: file, text });
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const exported = await app.handlers.exportJourney({ id: imported.record.journey.id });
    expect(exported.text).toBe(serializeJourney(loadJourney(file)));
    expect(exported.fileName).toBe(`${imported.record.journey.id}.journey.json`);
  });

  it('exports a canonical file with exactly its bytes, unknown keys included', async () => {
    const { app } = service();
    const text = fixtureText('journeys', 'forward-compatible.json');
    await app.handlers.importJourney({ fileName: 'f.json', text });
    expect((await app.handlers.exportJourney({ id: 'forward-compatible' })).text).toBe(text);
  });

  it('returns the problems of a broken file and changes nothing', async () => {
    const { app, changed } = service();
    const result = await app.handlers.importJourney({
      fileName: 'broken.json',
      text: fixtureText('invalid', 'truncated.json'),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ code: 'invalid-json' });
    expect(result.problems[0]?.line).toBeGreaterThan(0);
    expect(await app.handlers.listJourneys({})).toEqual([]);
    expect(changed).toEqual([]);
  });

  it('refuses to overwrite a journey with the same id unless asked to', async () => {
    const { app } = service();
    const text = fixtureText('journeys', 'welcome-series.json');
    await app.handlers.importJourney({ fileName: 'w.json', text });
    expect((await refusal(app.handlers.importJourney({ fileName: 'w.json', text }))).code).toBe(
      'conflict',
    );
    const replaced = await app.handlers.importJourney({ fileName: 'w.json', text, replace: true });
    expect(replaced.ok && replaced.record.revision).toBe(2);
  });
});

describe('app service: lifecycle', () => {
  it('stops events on close and closes only a database it opened', async () => {
    const db = openDatabase(':memory:');
    const app = createAppService({ db });
    const seen: string[] = [];
    app.on('journeysChanged', ({ id }) => seen.push(id));
    await app.close();
    expect(db.open).toBe(true);
    await app.handlers.createJourney({ name: 'After close' });
    expect(seen).toEqual([]);
  });

  it('keeps its database in the data folder', async () => {
    const { mkdtempSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'js-app-'));
    const app = createAppService({ dataDir: dir });
    await app.handlers.createJourney({ name: 'Kept' });
    await app.close();
    expect(existsSync(join(dir, 'journey-studio.db'))).toBe(true);
    const again = createAppService({ dataDir: dir });
    expect((await again.handlers.listJourneys({})).map((j) => j.id)).toEqual(['kept']);
    await again.close();
  });
});
