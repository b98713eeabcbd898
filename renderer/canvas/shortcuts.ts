import { NODE_KINDS } from '../../core/nodes/registry';
import { nodeDefinition } from '../../core/nodes/registry';

/** Mac shows ⌘, everything else Ctrl. */
export const IS_MAC =
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const MOD = IS_MAC ? '⌘' : 'Ctrl';

/** The shortcuts list shown to the user; the handler in use-shortcuts.ts implements the same. */
export const SHORTCUT_GROUPS: readonly { title: string; items: readonly [string, string][] }[] = [
  {
    title: 'Journey',
    items: [
      [`${MOD} S`, 'Save'],
      [`${MOD} Z`, 'Undo'],
      [`${MOD} Shift Z`, 'Redo'],
      ['?', 'Show this list'],
    ],
  },
  {
    title: 'Steps',
    items: [
      ...NODE_KINDS.map((kind, i): [string, string] => [
        `${i + 1}`,
        `Add ${nodeDefinition(kind).label.toLowerCase()} (after the selected step)`,
      ]),
      ['E', 'Choose the exit the next step follows (Yes, No, a variant)'],
      ['C', 'Connect the selected step to a step already there'],
      ['Delete', 'Delete the selection'],
      [`${MOD} C / ${MOD} X / ${MOD} V`, 'Copy, cut, paste'],
      [`${MOD} D`, 'Duplicate'],
      [`${MOD} A`, 'Select everything'],
      ['Shift drag', 'Select an area'],
      [`${MOD} click`, 'Add to the selection'],
      ['Arrow keys', 'Move the selected steps (Shift: further)'],
      ['Esc', 'Clear the selection'],
    ],
  },
  {
    title: 'View',
    items: [
      ['F', 'Fit the journey in view'],
      ['L', 'Tidy up the layout'],
      ['+ / −', 'Zoom in, zoom out'],
      ['I', 'Show or hide problems'],
    ],
  },
];
