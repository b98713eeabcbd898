/**
 * The IPC channel names main and preload share. One invoke channel carries every call, so main
 * answers an unknown method with the contract's envelope (an unregistered channel would fail
 * inside Electron, outside the envelope); each event has its own channel, so a subscriber only
 * ever wakes for its event.
 */
export const CALL_CHANNEL = 'journey-app:call';

const EVENT_CHANNEL_PREFIX = 'journey-app:event:';

export function eventChannel(event: string): string {
  return `${EVENT_CHANNEL_PREFIX}${event}`;
}

/** The name `window.journeyApp` is exposed under. */
export const BRIDGE_KEY = 'journeyApp';
