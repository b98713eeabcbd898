import type { Studio } from './studio';

export interface WelcomeOptions {
  /** The journey's time zone; Stockholm unless told. */
  timezone?: string;
  /** The email's HTML; a greeting with the shop's address and an unsubscribe link unless told. */
  html?: string;
  /** Whether an exit step follows the wait. */
  exit?: boolean;
}

const HTML =
  '<h1>Hi {{ profile.first_name | default: "there" }}</h1><p>Glad you are here.</p><p>Nordic Shop, Sveavägen 12, Stockholm · <a href="{{ unsubscribe_url }}">Unsubscribe</a></p>';

/**
 * The welcome journey the app tests run and version: someone who signs up gets a welcome email
 * at once ("Welcome, Ada!"), then waits a day.
 */
export function welcomeJourney(options: WelcomeOptions = {}) {
  const exit = options.exit ?? false;
  return {
    format: 'journey-studio/journey',
    version: 1,
    id: 'welcome',
    name: 'Welcome',
    settings: { reentry: 'never', timezone: options.timezone ?? 'Europe/Stockholm' },
    nodes: [
      {
        id: 'signup',
        kind: 'trigger',
        label: 'Signed up',
        position: { x: 0, y: 0 },
        config: { on: 'event', event: 'signup' },
      },
      {
        id: 'hello',
        kind: 'message',
        label: 'Welcome email',
        position: { x: 0, y: 160 },
        config: {
          channel: 'email',
          from: 'Nordic Shop <hello@example.com>',
          subject: 'Welcome, {{ profile.first_name | default: "friend" }}!',
          html: options.html ?? HTML,
        },
      },
      {
        id: 'later',
        kind: 'wait',
        position: { x: 0, y: 320 },
        config: { mode: 'duration', duration: 'P1D' },
      },
      ...(exit ? [{ id: 'done', kind: 'exit', position: { x: 0, y: 480 }, config: {} }] : []),
    ],
    edges: [
      { from: 'signup', to: 'hello' },
      { from: 'hello', to: 'later' },
      ...(exit ? [{ from: 'later', to: 'done' }] : []),
    ],
  };
}

/** Imports the welcome journey into the app, as a marketer opening its file would. */
export async function importWelcome(studio: Studio, options: WelcomeOptions = {}): Promise<void> {
  await studio.api('importJourney', {
    fileName: 'welcome.journey.json',
    text: JSON.stringify(welcomeJourney(options)),
  });
}
