import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../core/nodes/registry';
import { nodeSchema } from '../../renderer/inspector/json-schema';
import { NODE_VIEWS, nodeView } from '../../renderer/nodes/registry';

describe('node view registry', () => {
  it('has exactly one view per node kind', () => {
    expect(Object.keys(NODE_VIEWS).sort()).toEqual([...NODE_KINDS].sort());
    for (const kind of NODE_KINDS) expect(typeof nodeView(kind)?.Icon).toBe('function');
    expect(nodeView('teleport')).toBeUndefined();
  });

  it('gives variant defaults only for variants the schema has', () => {
    for (const kind of NODE_KINDS) {
      const defaults = NODE_VIEWS[kind].variantDefaults ?? {};
      const options = (nodeSchema(kind).oneOf ?? []).map((o) =>
        Object.values(o.properties ?? {}).find((p) => typeof p.const === 'string'),
      );
      const values = options.map((p) => p?.const);
      for (const key of Object.keys(defaults)) expect(values).toContain(key);
    }
  });
});
