/**
 * Focus between a step's card and its form, so the keyboard edits a step without the mouse:
 * Enter on the canvas goes into the inspector, Esc there comes back to the card, and a step
 * added by keyboard takes the focus.
 */

const FIELDS =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [contenteditable="true"]';

/** A value inside a quoted attribute selector. */
const quoted = (value: string) => value.replace(/["\\]/g, '\\$&');

/** The step's card on the canvas, when it is drawn. */
export function cardElement(nodeId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${quoted(nodeId)}"]`);
}

/** The step a keyboard event happened on, when its target is a card. */
export function cardUnder(target: EventTarget | null): string | undefined {
  if (!(target instanceof HTMLElement) || !target.classList.contains('react-flow__node')) {
    return undefined;
  }
  return target.dataset.id;
}

/**
 * Focuses what `find` finds once it is drawn and shown: a new step or form appears on the next
 * frames, and a new card stays hidden until the canvas has measured it.
 */
function focusWhenDrawn(find: () => HTMLElement | null | undefined, frames = 30): void {
  requestAnimationFrame(() => {
    const element = find();
    element?.focus();
    if (element && document.activeElement === element) return;
    if (frames > 1) focusWhenDrawn(find, frames - 1);
  });
}

export function focusCard(nodeId: string): void {
  focusWhenDrawn(() => cardElement(nodeId));
}

/** The first field of the inspector's form for the step. */
export function focusInspectorField(nodeId: string): void {
  focusWhenDrawn(() =>
    document
      .querySelector(`[data-testid="node-inspector"][data-node-id="${quoted(nodeId)}"]`)
      ?.querySelector<HTMLElement>(FIELDS),
  );
}
