import { describe, expect, it } from 'vitest';
import { checkConnection } from '../../renderer/canvas/connection-rules';
import { edge, journey, node } from '../core/build';
import type { Locale } from '../../renderer/i18n/locales';
import { say } from '../../renderer/i18n/words';
import { translator } from './translator';

function reason(result: ReturnType<typeof checkConnection>, locale: Locale = 'en'): string {
  if (result.ok) throw new Error('expected the connection to be refused');
  return say(translator(locale), result.reason);
}

const base = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('check', 'condition', { attribute: 'vip', op: 'eq', value: true }),
    node('mail', 'message', { channel: 'sms', text: 'Hi' }),
    node('pause', 'wait', { mode: 'duration', duration: 'P1D' }),
  ],
  [edge('start', 'check'), edge('check', 'mail', 'yes')],
);

describe('connection rules', () => {
  it('accepts a connection from a free exit, leaving out the port "next"', () => {
    expect(checkConnection(base, { from: 'mail', port: 'next', to: 'pause' })).toEqual({
      ok: true,
      edge: { from: 'mail', to: 'pause' },
    });
    expect(checkConnection(base, { from: 'check', port: 'no', to: 'pause' })).toEqual({
      ok: true,
      edge: { from: 'check', port: 'no', to: 'pause' },
    });
  });

  it('refuses a connection into the trigger', () => {
    const result = checkConnection(base, { from: 'mail', port: 'next', to: 'start' });
    expect(reason(result)).toMatch(/into the trigger/);
  });

  it('refuses a second connection from one exit, naming where it leads', () => {
    const result = checkConnection(base, { from: 'check', port: 'yes', to: 'pause' });
    expect(reason(result)).toMatch(/already leads to “Message”/);
  });

  it('refuses a step leading to itself', () => {
    expect(reason(checkConnection(base, { from: 'pause', port: 'next', to: 'pause' }))).toMatch(
      /itself/,
    );
  });

  it('refuses a loop without a wait, and allows one through a wait', () => {
    expect(reason(checkConnection(base, { from: 'mail', port: 'next', to: 'check' }))).toMatch(
      /loop without a wait/,
    );
    const withWait = { ...base, edges: [...base.edges, edge('mail', 'pause')] };
    expect(checkConnection(withWait, { from: 'pause', port: 'next', to: 'check' }).ok).toBe(true);
  });

  it('says why in Swedish and Norwegian, naming steps by their kind in the language', () => {
    const taken = checkConnection(base, { from: 'check', port: 'yes', to: 'pause' });
    expect(reason(taken, 'sv')).toBe(
      'Den här utgången från ”Villkor” leder redan till ”Meddelande”. Ta bort den kopplingen först.',
    );
    const named = {
      ...base,
      nodes: base.nodes.map((n) => (n.id === 'mail' ? { ...n, label: 'Påminnelse' } : n)),
    };
    expect(reason(checkConnection(named, { from: 'check', port: 'yes', to: 'pause' }), 'nb')).toBe(
      'Denne utgangen fra «Betingelse» fører allerede til «Påminnelse». Slett den koblingen først.',
    );
    expect(reason(checkConnection(base, { from: 'mail', port: 'next', to: 'check' }), 'sv')).toBe(
      'Det här skulle bli en slinga utan väntan: en profil skulle gå runt i den i all evighet på ett ögonblick. Lägg in en väntan i slingan.',
    );
  });

  it('refuses an exit the step does not have', () => {
    const result = checkConnection(base, { from: 'mail', port: 'yes', to: 'pause' });
    expect(result.ok).toBe(false);
  });
});
