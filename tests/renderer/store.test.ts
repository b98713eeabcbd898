import { describe, expect, it } from 'vitest';
import { serializeJourney } from '../../core/model/journey-file';
import type { Journey } from '../../core/model/journey';
import { createAppStore } from '../../renderer/store/app-store';
import { emptyJourney } from '../../core/model/journey-file';
import { loadJourney } from '../core/fixtures';
import { fakeApi } from './fake-api';
import { sayIn } from './translator';

function storeWith(journey: Journey = emptyJourney('j', 'Journey')) {
  const api = fakeApi([journey]);
  const store = createAppStore(api);
  store.getState().loadJourney(journey, 1);
  return { store, api, state: () => store.getState() };
}

describe('document and history', () => {
  it('undoes and redoes edits to the journey document', () => {
    const { state } = storeWith();
    state().addNodeAt('trigger', { x: 0, y: 0 });
    state().addNodeAt('wait', { x: 0, y: 160 });
    expect(state().journey?.nodes.map((n) => n.id)).toEqual(['trigger', 'wait']);
    expect(state().dirty).toBe(true);
    state().undo();
    expect(state().journey?.nodes.map((n) => n.id)).toEqual(['trigger']);
    state().undo();
    expect(state().journey?.nodes).toEqual([]);
    expect(state().dirty).toBe(false);
    state().redo();
    state().redo();
    expect(state().journey?.nodes.map((n) => n.id)).toEqual(['trigger', 'wait']);
    expect(state().future).toEqual([]);
  });

  it('forgets the redo steps after a new edit', () => {
    const { state } = storeWith();
    state().addNodeAt('trigger', { x: 0, y: 0 });
    state().undo();
    state().addNodeAt('exit', { x: 0, y: 0 });
    expect(state().future).toEqual([]);
    state().redo();
    expect(state().journey?.nodes.map((n) => n.id)).toEqual(['exit']);
  });

  it('merges quick typing in one field into one undo step', () => {
    const { state } = storeWith();
    state().addNodeAt('wait', { x: 0, y: 0 });
    for (const duration of ['PT1M', 'PT10M', 'PT10H']) {
      state().updateConfig('wait', { mode: 'duration', duration });
    }
    expect(state().past).toHaveLength(2);
    state().undo();
    expect(state().journey?.nodes[0]?.config).toEqual({ mode: 'duration', duration: 'P1D' });
  });

  it('re-validates on every edit and groups problems by node', () => {
    const { state } = storeWith();
    expect(state().validation.issues.map((i) => i.code)).toEqual(['trigger-missing']);
    state().addNodeAt('trigger', { x: 0, y: 0 });
    state().addNodeAt('wait', { x: 0, y: 200 });
    expect(
      state()
        .issuesByNode.get('wait')
        ?.map((i) => i.code),
    ).toContain('node-unreachable');
    expect(state().nodes.find((n) => n.id === 'wait')?.data.issues).toBe(
      state().issuesByNode.get('wait'),
    );
    state().connect({ from: 'trigger', port: 'next', to: 'wait' });
    expect(state().validation.errors).toBe(0);
  });

  it('knows when the document matches what was saved', async () => {
    const { state, api } = storeWith();
    state().addNodeAt('trigger', { x: 0, y: 0 });
    expect(await state().save()).toBe(true);
    expect(state().dirty).toBe(false);
    expect(state().revision).toBe(2);
    expect(serializeJourney(api.stored.get('j')!.journey)).toBe(serializeJourney(state().journey!));
  });

  it('asks what to do when another window saved meanwhile', async () => {
    const { state, api } = storeWith();
    await api.saveJourney({ journey: emptyJourney('j', 'Elsewhere'), revision: 1 });
    state().addNodeAt('trigger', { x: 0, y: 0 });
    expect(await state().save()).toBe(false);
    expect(state().dialog).toMatchObject({ type: 'save-conflict' });
    expect(state().dirty).toBe(true);
    expect(await state().save({ overwrite: true })).toBe(true);
  });
});

describe('selection, clipboard, deleting', () => {
  it('selects nodes and keeps the canvas in step', () => {
    const { state } = storeWith(loadJourney('abandoned-cart.json'));
    state().select(['wait1', 'bought']);
    expect(
      state()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(['wait1', 'bought']);
    state().onNodesChange([{ type: 'select', id: 'mail1', selected: true }]);
    expect(state().selectedNodeIds).toEqual(['wait1', 'bought', 'mail1']);
    state().clearSelection();
    expect(state().nodes.some((n) => n.selected)).toBe(false);
    state().selectAll();
    expect(state().selectedNodeIds).toHaveLength(4);
  });

  it('deletes the selection with its connections, as one undo step', () => {
    const { state } = storeWith(loadJourney('abandoned-cart.json'));
    state().select(['bought']);
    state().deleteSelection();
    expect(state().journey?.nodes.map((n) => n.id)).toEqual(['start', 'wait1', 'mail1']);
    expect(state().journey?.edges).toEqual([{ from: 'start', to: 'wait1' }]);
    expect(state().selectedNodeIds).toEqual([]);
    state().undo();
    expect(state().journey?.edges).toHaveLength(3);
  });

  it('deletes a selected connection', () => {
    const { state } = storeWith(loadJourney('abandoned-cart.json'));
    const edge = state().edges.find((e) => e.source === 'bought')!;
    state().onEdgesChange([{ type: 'select', id: edge.id, selected: true }]);
    expect(state().selectedEdgeIds).toEqual([edge.id]);
    state().deleteSelection();
    expect(state().journey?.edges.some((e) => e.from === 'bought')).toBe(false);
  });

  it('copies and pastes steps with fresh ids, keeping their inner connections', () => {
    const { state } = storeWith(loadJourney('abandoned-cart.json'));
    state().select(['wait1', 'bought']);
    state().copySelection();
    state().paste();
    const ids = state().journey!.nodes.map((n) => n.id);
    expect(ids).toEqual(['start', 'wait1', 'bought', 'mail1', 'wait1-2', 'bought-2']);
    expect(state().selectedNodeIds).toEqual(['wait1-2', 'bought-2']);
    expect(state().journey?.edges).toContainEqual({ from: 'wait1-2', to: 'bought-2' });
    const original = state().journey!.nodes.find((n) => n.id === 'wait1')!;
    const pasted = state().journey!.nodes.find((n) => n.id === 'wait1-2')!;
    expect(pasted.config).toEqual(original.config);
    expect(pasted.position!.x).toBeGreaterThan(
      state().nodes.find((n) => n.id === 'wait1')!.position.x,
    );
    state().paste();
    expect(state().journey!.nodes.map((n) => n.id)).toContain('wait1-3');
  });

  it('cuts and pastes back in place', () => {
    const { state } = storeWith(loadJourney('welcome-series.json'));
    const [, second] = state().journey!.nodes;
    state().select([second!.id]);
    const before = state().nodes.find((n) => n.id === second!.id)!.position;
    state().cutSelection();
    expect(state().journey!.nodes.some((n) => n.id === second!.id)).toBe(false);
    state().paste();
    const restored = state().journey!.nodes.find((n) => n.id === second!.id);
    expect(restored?.position).toMatchObject({ x: before.x, y: before.y });
  });
});

describe('canvas edits', () => {
  it('commits a finished drag as one move, and not the frames before it', () => {
    const { state } = storeWith(loadJourney('abandoned-cart.json'));
    const steps = state().past.length;
    state().onNodesChange([
      { type: 'position', id: 'start', position: { x: 10, y: 10 }, dragging: true },
    ]);
    state().onNodesChange([
      { type: 'position', id: 'start', position: { x: 40, y: 32 }, dragging: true },
    ]);
    expect(state().journey?.nodes[0]?.position).toEqual({ x: 0, y: 0 });
    state().onNodesChange([
      { type: 'position', id: 'start', position: { x: 48, y: 32 }, dragging: false },
    ]);
    expect(state().journey?.nodes[0]?.position).toEqual({ x: 48, y: 32 });
    expect(state().past.length).toBe(steps + 1);
    state().undo();
    expect(state().nodes[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it('refuses a connection into the trigger and says why', () => {
    const { state } = storeWith(loadJourney('abandoned-cart.json'));
    expect(state().connect({ from: 'mail1', port: 'next', to: 'start' })).toBe(false);
    expect(sayIn('en', state().notice?.words)).toMatch(/into the trigger/);
    expect(state().journey?.edges).toHaveLength(3);
  });

  it('adds a step below the selected one and connects its free exit', () => {
    const { state } = storeWith(loadJourney('abandoned-cart.json'));
    state().select(['bought']);
    state().addNodeNearSelection('exit');
    expect(state().journey?.edges).toContainEqual({ from: 'bought', port: 'yes', to: 'exit' });
    expect(state().selectedNodeIds).toEqual(['exit']);
  });

  it('drops the connections of split variants that are removed, and follows renamed ones', () => {
    const { state } = storeWith(loadJourney('winback-ab.json'));
    const split = state().journey!.nodes.find((n) => n.kind === 'split')!;
    const variants = split.config.variants as { key: string; weight: number }[];
    const [a, b] = variants;
    state().updateConfig(
      split.id,
      { ...split.config, variants: [{ ...a!, key: 'Alpha' }, ...variants.slice(1)] },
      new Map([[a!.key, 'Alpha']]),
    );
    expect(state().journey!.edges).toContainEqual({ from: 'ab', port: 'Alpha', to: 'discount' });
    state().updateConfig(split.id, { ...split.config, variants: [{ ...a!, key: 'Alpha' }] });
    expect(state().journey!.edges.some((e) => e.from === split.id && e.port === b!.key)).toBe(
      false,
    );
  });

  it('tidies the layout top-down, trigger first', () => {
    const { state } = storeWith(loadJourney('abandoned-cart.json'));
    state().tidyUp();
    const y = (id: string) => state().journey!.nodes.find((n) => n.id === id)!.position!.y;
    expect(y('start')).toBeLessThan(y('wait1'));
    expect(y('wait1')).toBeLessThan(y('bought'));
    expect(y('bought')).toBeLessThan(y('mail1'));
  });
});
