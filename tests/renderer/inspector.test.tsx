import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { NodeInspector } from '../../renderer/inspector/NodeInspector';
import { JourneySettings } from '../../renderer/inspector/JourneySettings';
import { ConditionBuilder } from '../../renderer/inspector/widgets/ConditionBuilder';
import { DurationInput } from '../../renderer/inspector/widgets/DurationInput';
import { createAppStore } from '../../renderer/store/app-store';
import type { Condition } from '../../core/conditions/condition';
import type { Journey } from '../../core/model/journey';
import { journeySettingsSchema } from '../../core/model/journey-settings';
import type { JsonSchema } from '../../renderer/inspector/json-schema';
import { edge, journey, node } from '../core/build';
import { renderApp } from './render-app';
import { fakeApi } from './fake-api';

function Duration({ initial, seen }: { initial: string; seen: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <DurationInput
      id="d"
      label="Wait for"
      value={value}
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

function withStore(j: Journey, ui: React.ReactNode) {
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  // The message form's composers speak the app's languages: mounted as the app mounts them.
  renderApp(<>{ui}</>, { store });
  return store;
}

describe('duration widget', () => {
  it('shows an ISO duration in words and writes words back as ISO', async () => {
    const seen: string[] = [];
    renderApp(<Duration initial="PT30M" seen={seen} />);
    const amount = screen.getByRole('spinbutton', { name: 'Wait for: amount' });
    const unit = screen.getByRole('combobox', { name: 'Wait for: unit' });
    expect(amount).toHaveProperty('value', '30');
    expect(unit).toHaveProperty('value', 'minutes');
    await userEvent.clear(amount);
    await userEvent.type(amount, '45');
    expect(seen.at(-1)).toBe('PT45M');
    await userEvent.selectOptions(unit, 'days');
    expect(seen.at(-1)).toBe('P45D');
  });

  it('keeps a half-typed amount without writing an invalid duration', async () => {
    const seen: string[] = [];
    renderApp(<Duration initial="P2D" seen={seen} />);
    const amount = screen.getByRole('spinbutton', { name: 'Wait for: amount' });
    await userEvent.clear(amount);
    expect(seen).toEqual([]);
    expect(amount).toHaveProperty('value', '');
  });

  it('shows what one unit cannot say as written', () => {
    renderApp(<Duration initial="P1M2D" seen={[]} />);
    expect(screen.getByDisplayValue('P1M2D')).toBeTruthy();
  });
});

describe('condition builder', () => {
  function Builder({ initial, seen }: { initial: Condition; seen: Condition[] }) {
    const [value, setValue] = useState<Condition>(initial);
    return (
      <ConditionBuilder
        label="Yes when"
        value={value}
        allowSinceEntry
        onChange={(next) => {
          seen.push(next);
          setValue(next);
        }}
      />
    );
  }

  it('edits a lone event rule in plain words and keeps it a lone rule', async () => {
    const seen: Condition[] = [];
    withStore(
      journey([], []),
      <Builder initial={{ event: 'purchase', op: 'performed' }} seen={seen} />,
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Yes when, rule 1: when' }),
      'entry',
    );
    expect(seen.at(-1)).toEqual({ event: 'purchase', op: 'performed', since: 'entry' });
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Yes when, rule 1: how often' }),
      'gte',
    );
    expect(seen.at(-1)).toEqual({
      event: 'purchase',
      op: 'performed',
      since: 'entry',
      count: { op: 'gte', value: 2 },
    });
  });

  it('becomes an all-group when a second rule is added, with operators in words', async () => {
    const seen: Condition[] = [];
    withStore(
      journey([], []),
      <Builder initial={{ attribute: 'country', op: 'eq', value: 'SE' }} seen={seen} />,
    );
    const test = screen.getByRole('combobox', { name: 'Yes when, rule 1: test' });
    expect(within(test).getByRole('option', { name: 'is one of' })).toBeTruthy();
    await userEvent.selectOptions(test, 'in');
    await userEvent.type(screen.getByRole('textbox', { name: 'Yes when, rule 1: value' }), ', NO');
    expect(seen.at(-1)).toEqual({ attribute: 'country', op: 'in', value: ['SE', 'NO'] });
    await userEvent.click(screen.getByRole('button', { name: 'Attribute' }));
    expect(seen.at(-1)).toEqual({
      all: [
        { attribute: 'country', op: 'in', value: ['SE', 'NO'] },
        { attribute: '', op: 'eq', value: '' },
      ],
    });
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Yes when: how rules combine' }),
      'any',
    );
    expect(Object.keys(seen.at(-1)!)).toEqual(['any']);
  });
});

describe('node inspector', () => {
  const j = journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('pause', 'wait', { mode: 'duration', duration: 'PT30M' }),
    ],
    [edge('start', 'pause')],
  );

  it('is generated from the schema: variants, fields, help and problems', async () => {
    const store = withStore(j, <NodeInspector nodeId="pause" />);
    expect(screen.getByRole('radio', { name: 'For a while' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(
      screen.getByText('How long profiles wait here, e.g. 30 minutes or 3 days.'),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: 'For an event' }));
    expect(store.getState().journey?.nodes[1]?.config).toEqual({
      mode: 'event',
      event: 'purchase',
      timeout: 'P3D',
    });
    const event = screen.getByRole('combobox', { name: 'For event' });
    await userEvent.clear(event);
    expect(screen.getByText('For event must not be empty.')).toBeTruthy();
    await userEvent.type(event, 'order');
    expect(store.getState().journey?.nodes[1]?.config.event).toBe('order');
  });

  it('renames a step', async () => {
    const store = withStore(j, <NodeInspector nodeId="start" />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Step name' }), 'Added to cart');
    expect(store.getState().journey?.nodes[0]?.label).toBe('Added to cart');
  });

  it('checks the sender as it is typed', async () => {
    const mail = node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Hi',
      html: '<p>Hi</p>',
    });
    const store = withStore(journey([mail], []), <NodeInspector nodeId="mail" />);
    const from = screen.getByRole('textbox', { name: 'From' });
    expect(from.getAttribute('aria-invalid')).toBeNull();
    await userEvent.clear(from);
    await userEvent.type(from, 'Shop <shop@');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('From "Shop <shop@" is not an email address.')).toBeTruthy();
    await userEvent.type(from, 'example.se>');
    expect(from.getAttribute('aria-invalid')).toBeNull();
    expect(store.getState().journey?.nodes[0]?.config.from).toBe('Shop <shop@example.se>');
    // Reply-to is optional: left empty, it leaves the config.
    const replyTo = screen.getByRole('textbox', { name: /Reply to/ });
    await userEvent.type(replyTo, 'x');
    expect(replyTo.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(replyTo);
    expect(store.getState().journey?.nodes[0]?.config).not.toHaveProperty('replyTo');
  });

  it('edits a message’s expected responses as percentages, and says what is wrong at the field', async () => {
    const mail = node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Hi',
      html: '<p>Hi</p>',
    });
    const store = withStore(journey([mail], []), <NodeInspector nodeId="mail" />);
    const config = () => store.getState().journey?.nodes[0]?.config;
    expect(config()).not.toHaveProperty('expect');
    await userEvent.type(screen.getByRole('textbox', { name: 'Opened' }), '40');
    expect(config()?.expect).toEqual({ open: 0.4 });
    const click = screen.getByRole('textbox', { name: 'Clicked' });
    await userEvent.type(click, '50');
    expect(config()?.expect).toMatchObject({ open: 0.4, click: 0.5 });
    expect(within(screen.getByTestId('cfg-mail-expect-click')).getByRole('alert').textContent).toBe(
      'Clicks are counted among opened messages, so the click rate (50%) cannot be above the open rate (40%).',
    );
    await userEvent.clear(click);
    await userEvent.clear(screen.getByRole('textbox', { name: 'Opened' }));
    expect(config()).not.toHaveProperty('expect');
  });

  it('previews a message for a sample profile', async () => {
    const mail = node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: "{{ profile.first_name | default: 'Hi' }}, your {{ event.brand }} is waiting",
      html: '<p>Hi</p>',
    });
    withStore(journey([mail], []), <NodeInspector nodeId="mail" />);
    expect(screen.getByText('Emma, your samsung is waiting')).toBeTruthy();
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Preview as' }),
      'anonymous',
    );
    expect(screen.getByText('Hi, your xiaomi is waiting')).toBeTruthy();
  });
});

describe('journey settings', () => {
  it('turns settings on and off in words', async () => {
    const store = withStore(journey([], []), <JourneySettings />);
    await userEvent.click(screen.getByRole('radio', { name: 'Only once' }));
    await userEvent.click(
      screen.getByRole('switch', { name: 'Quiet hours: hold messages overnight' }),
    );
    await userEvent.click(
      screen.getByRole('switch', { name: 'Frequency cap: limit messages per profile' }),
    );
    expect(store.getState().journey?.settings).toEqual({
      reentry: 'never',
      quietHours: { start: '21:00', end: '08:00' },
      frequencyCap: { max: 2, per: 'P1D' },
    });
    await userEvent.click(
      screen.getByRole('switch', { name: 'Quiet hours: hold messages overnight' }),
    );
    expect(store.getState().journey?.settings.quietHours).toBeUndefined();
  });

  it('shows every setting the schema has, and the fields of each when it is on', async () => {
    withStore(journey([], []), <JourneySettings />);
    const form = screen.getByTestId('journey-settings');
    const schema = z.toJSONSchema(journeySettingsSchema, {
      io: 'input',
      unrepresentable: 'any',
    }) as JsonSchema;
    const seen: string[] = [];
    const visit = async (properties: Record<string, JsonSchema>) => {
      for (const [key, property] of Object.entries(properties)) {
        expect(property.title, `${key} has a title`).toBeTruthy();
        const title = property.title ?? key;
        expect(within(form).getAllByText(title).length, title).toBeGreaterThan(0);
        seen.push(key);
        if (property.widget === 'switch' && property.properties) {
          await userEvent.click(within(form).getByRole('switch', { name: title }));
          await visit(property.properties);
        }
      }
    };
    await visit(schema.properties ?? {});
    expect(seen).toEqual([
      'reentry',
      'goal',
      'event',
      'where',
      'exit',
      'within',
      'quietHours',
      'start',
      'end',
      'frequencyCap',
      'max',
      'per',
      'timezone',
      'maxLateness',
      'priority',
      'purpose',
      'expect',
      'fatigue',
      'per',
      'decay',
    ]);
    expect(
      within(form)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Entry', 'Goal', 'Sending', 'Forecast']);
  });

  it('shows the lateness limit at its default of 12 hours, and saves what the user sets', async () => {
    const store = withStore(journey([], []), <JourneySettings />);
    const label = 'Skip a message this much later than planned';
    const amount = screen.getByRole('spinbutton', { name: `${label}: amount` });
    expect(amount).toHaveProperty('value', '12');
    expect(screen.getByRole('combobox', { name: `${label}: unit` })).toHaveProperty(
      'value',
      'hours',
    );
    expect(store.getState().journey?.settings.maxLateness).toBeUndefined();
    await userEvent.clear(amount);
    await userEvent.type(amount, '3');
    expect(store.getState().journey?.settings.maxLateness).toBe('PT3H');
  });

  it('keeps settings it does not know when another is changed', async () => {
    const store = withStore(
      journey([], [], { priority: 70, 'x-team': 'crm' }),
      <JourneySettings />,
    );
    await userEvent.click(
      screen.getByRole('switch', { name: 'Count a conversion when a profile performs an event' }),
    );
    await userEvent.click(screen.getByRole('switch', { name: 'Leave the journey on conversion' }));
    expect(store.getState().journey?.settings).toEqual({
      priority: 70,
      'x-team': 'crm',
      goal: { event: 'purchase', exit: false },
    });
  });

  it('shows the validator’s findings on the setting they concern', () => {
    withStore(
      journey([], [], {
        timezone: 'Mars/Olympus',
        reentry: 'sometimes',
      } as unknown as Journey['settings']),
      <JourneySettings />,
    );
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Re-entry must be "never", "after_exit" or "always", not "sometimes".',
      '"Mars/Olympus" is not a time zone; use a zone name such as Europe/Stockholm or America/New_York.',
    ]);
  });
});
