import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../core/channels/registry';
import { NODE_KINDS, nodeDefinition } from '../../core/nodes/registry';
import { CHANNEL_VIEWS, channelView } from '../../renderer/channels/registry';
import { nodeSchema } from '../../renderer/inspector/json-schema';
import { mergeTags } from '../../core/nodes/step-title';
import { nodeSummary } from '../../renderer/nodes/node-summary';
import { NODE_VIEWS, nodeView } from '../../renderer/nodes/registry';
import { translator } from './translator';

const t = translator();

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

describe('channel view registry', () => {
  it('has exactly one view per channel', () => {
    expect(Object.keys(CHANNEL_VIEWS).sort()).toEqual([...CHANNELS].sort());
    expect(channelView('pigeon')).toBeUndefined();
  });

  it('starts each channel from a message that passes its schema and checks', () => {
    const message = nodeDefinition('message');
    for (const channel of CHANNELS) {
      const config = message.schema.parse(CHANNEL_VIEWS[channel].defaults);
      expect(message.check(config)).toEqual([]);
    }
  });
});

describe('card summaries', () => {
  it('shows Liquid as merge tags', () => {
    expect(
      mergeTags("{{ profile.first_name | default: 'Hi' }}, your {{ event.brand }} waits"),
    ).toBe('{first_name}, your {brand} waits');
    expect(mergeTags('Hello{% if vip %} VIP{% endif %}!')).toBe('Hello VIP!');
    expect(
      nodeSummary(t, {
        id: 'm',
        kind: 'message',
        config: { channel: 'sms', text: 'Hi {{ profile.first_name }}, 10% off today' },
      }).text,
    ).toBe('SMS: Hi {first_name}, 10% off today');
  });

  it('says a step needs setting up when its config does not fit the schema', () => {
    expect(nodeSummary(t, { id: 'w', kind: 'wait', config: { mode: 'soon' } })).toEqual({
      text: 'Needs setting up',
      ready: false,
    });
  });
});
