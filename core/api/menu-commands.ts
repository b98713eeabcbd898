import { z } from 'zod';

/**
 * What the application menu asks the renderer to do. The menu belongs to the shell; what a
 * command means for the open journey belongs to the renderer, which subscribes with
 * `onMenuCommand`.
 *
 * Keyboard shortcuts reach the page before the menu: a key the renderer handles (and calls
 * `preventDefault` on) never arrives here as well. `undo` and `redo` arrive from the menu for
 * the journey's own history; when a text field has focus, the renderer lets the field undo.
 */
export const MENU_COMMANDS = [
  'newJourney',
  'openJourney',
  /** Carries `recentFileId`: read it with `openRecentFile`. */
  'openRecent',
  'importProfiles',
  'importEvents',
  'save',
  'exportJourney',
  'undo',
  'redo',
  'fitView',
  'autoLayout',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const menuCommandEventSchema = z.object({
  command: z.enum(MENU_COMMANDS),
  recentFileId: z.string().min(1).max(64).optional(),
});
export type MenuCommandEvent = z.infer<typeof menuCommandEventSchema>;
