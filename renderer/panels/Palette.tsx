import type { DragEvent } from 'react';
import { NODE_DEFINITIONS } from '../../core/nodes/node-list';
import { isEntryKind, type NodeKind } from '../../core/nodes/registry';
import type { NodeCategory } from '../../core/nodes/node-definition';
import { PALETTE_MIME } from '../canvas/palette-drag';
import { NODE_VIEWS } from '../nodes/registry';
import { useApp } from '../store/app-store';
import { useT } from '../i18n/I18nProvider';
import { kindDescription, kindWord } from '../nodes/kind-words';

const CATEGORY_ORDER: NodeCategory[] = ['entry', 'timing', 'logic', 'action', 'end'];

/**
 * Every kind of step, grouped by category. Drag one onto the canvas, or click it (or press
 * Enter, or its number key) to add it after the selected step.
 */
export function Palette() {
  const t = useT();
  const addNear = useApp((s) => s.addNodeNearSelection);
  const hasTrigger = useApp((s) => s.journey?.nodes.some((n) => isEntryKind(n.kind)) ?? false);
  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <nav className="palette" aria-label={t('palette.title')}>
      <h2 className="palette-title">{t('palette.title')}</h2>
      {CATEGORY_ORDER.map((category) => {
        const kinds = NODE_DEFINITIONS.filter((d) => d.category === category);
        if (kinds.length === 0) return null;
        return (
          <section key={category} className="palette-group">
            <h3 className="palette-group-title">{t(`palette.category.${category}`)}</h3>
            {kinds.map((definition) => {
              const { Icon } = NODE_VIEWS[definition.kind];
              const number = NODE_DEFINITIONS.findIndex((d) => d.kind === definition.kind) + 1;
              // A journey has one entry: a second trigger is offered, but muted.
              const muted = definition.entry !== undefined && hasTrigger;
              const description = kindDescription(t, definition.kind, definition.description);
              return (
                <button
                  key={definition.kind}
                  type="button"
                  className={`palette-item cat-${category}${muted ? ' is-muted' : ''}`}
                  draggable
                  onDragStart={(e) => onDragStart(e, definition.kind)}
                  onClick={() => addNear(definition.kind)}
                  title={muted ? t('palette.oneTrigger', { description }) : description}
                  data-testid={`palette-${definition.kind}`}
                >
                  <span className="node-icon">
                    <Icon size={16} />
                  </span>
                  <span className="palette-label">
                    {kindWord(t, definition.kind, definition.label)}
                  </span>
                  <kbd className="palette-key">{number}</kbd>
                </button>
              );
            })}
          </section>
        );
      })}
      <p className="palette-hint">{t('palette.hint')}</p>
    </nav>
  );
}
