import type { BlockType, EmailDesign } from '../../core/email-design/design-schema';
import { useT } from '../i18n/I18nProvider';
import { BLOCK_NAME } from './block-words';
import { PALETTE } from './design-edits';

/** The drag type of a new block from the palette. */
export const NEW_BLOCK_TYPE = 'application/x-journey-studio-block';

/**
 * The blocks a marketer can add: a click (or Enter) adds one after the selected block, or drag
 * one to its place in the email. Below, the email's preview text.
 */
export function BlockPalette({
  onAdd,
  design,
  onEdit,
}: {
  onAdd: (type: BlockType) => void;
  design: EmailDesign;
  onEdit: (design: EmailDesign, key?: string) => void;
}) {
  const t = useT();
  const hasFooter = design.blocks.some((b) => b.type === 'footer');
  return (
    <aside className="designer-palette" aria-labelledby="designer-palette-title">
      <h3 className="section-title" id="designer-palette-title">
        {t('designer.palette.title')}
      </h3>
      <p className="designer-hint">{t('designer.palette.hint')}</p>
      <ul className="designer-palette-list">
        {PALETTE.filter((type) => type !== 'footer' || !hasFooter).map((type) => (
          <li key={type}>
            <button
              type="button"
              className="designer-palette-item"
              draggable
              data-testid={`designer-add-${type}`}
              onDragStart={(e) => {
                e.dataTransfer.setData(NEW_BLOCK_TYPE, type);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => onAdd(type)}
            >
              {t(BLOCK_NAME[type])}
            </button>
          </li>
        ))}
      </ul>
      <div className="field">
        <label className="field-label" htmlFor="designer-preheader">
          {t('designer.preheader')}
        </label>
        <input
          id="designer-preheader"
          className="input"
          value={design.preheader ?? ''}
          maxLength={300}
          onChange={(e) => {
            const { preheader: _, ...rest } = design;
            onEdit(e.target.value ? { ...rest, preheader: e.target.value } : rest, 'preheader');
          }}
        />
        <p className="field-help">{t('designer.preheaderHelp')}</p>
      </div>
    </aside>
  );
}
