import { NODE_KINDS } from '../../core/nodes/registry';
import type { MessageId } from '../i18n/messages';

/** Mac shows ⌘, everything else Ctrl. */
export const IS_MAC =
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const MOD = IS_MAC ? '⌘' : 'Ctrl';

/** One line of the shortcuts list: the keys, and what they do in the language. */
export interface ShortcutItem {
  /** Key caps, `/` between alternatives; a word among them (`Arrow keys`) comes from `keysWord`. */
  keys: string;
  keysWord?: MessageId;
  what: MessageId;
  /** A kind of step the line adds (`1` adds a trigger). */
  kind?: string;
}

/** The shortcuts list shown to the user; the handler in use-shortcuts.ts implements the same. */
export const SHORTCUT_GROUPS: readonly { title: MessageId; items: readonly ShortcutItem[] }[] = [
  {
    title: 'shortcuts.group.journey',
    items: [
      { keys: `${MOD} S`, what: 'shortcuts.save' },
      { keys: `${MOD} Z`, what: 'shortcuts.undo' },
      { keys: `${MOD} Shift Z`, what: 'shortcuts.redo' },
      { keys: '?', what: 'shortcuts.help' },
    ],
  },
  {
    title: 'shortcuts.group.steps',
    items: [
      ...NODE_KINDS.map((kind, i): ShortcutItem => ({
        keys: `${i + 1}`,
        what: 'shortcuts.add',
        kind,
      })),
      { keys: 'E', what: 'shortcuts.exit' },
      { keys: 'C', what: 'shortcuts.connect' },
      { keys: 'Enter', what: 'shortcuts.edit' },
      { keys: 'Delete', keysWord: 'shortcuts.key.delete', what: 'shortcuts.delete' },
      { keys: `${MOD} C / ${MOD} X / ${MOD} V`, what: 'shortcuts.clipboard' },
      { keys: `${MOD} D`, what: 'shortcuts.duplicate' },
      { keys: `${MOD} A`, what: 'shortcuts.selectAll' },
      { keys: 'Shift drag', keysWord: 'shortcuts.key.shiftDrag', what: 'shortcuts.selectArea' },
      {
        keys: `${MOD} click`,
        keysWord: 'shortcuts.key.modClick',
        what: 'shortcuts.addToSelection',
      },
      { keys: 'Arrow keys', keysWord: 'shortcuts.key.arrows', what: 'shortcuts.move' },
      { keys: 'Esc', what: 'shortcuts.clear' },
    ],
  },
  {
    title: 'shortcuts.group.view',
    items: [
      { keys: 'F', what: 'shortcuts.fit' },
      { keys: 'L', what: 'shortcuts.tidy' },
      { keys: '+ / −', what: 'shortcuts.zoom' },
      { keys: 'I', what: 'shortcuts.problems' },
      { keys: 'O', what: 'shortcuts.outline' },
    ],
  },
];
