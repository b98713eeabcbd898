import { useId, useState } from 'react';
import { personalTag } from '../../core/email-design/design-liquid';
import { useT } from '../i18n/I18nProvider';
import { CHIP_NAME } from './block-words';
import { CHIP_ATTRIBUTES } from './liquid-chips';

/**
 * "Personalise": pick what to print (first name, city, … or any attribute) and what to print
 * for people without it; inserts the Liquid, which the designer shows as a chip.
 */
export function PersonaliseButton({ onInsert }: { onInsert: (liquid: string) => void }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [attribute, setAttribute] = useState<string>('first_name');
  const [fallback, setFallback] = useState(t('designer.chip.defaultFallback'));
  const name = attribute.trim().replace(/[^A-Za-z0-9_]/g, '');
  return (
    <div className="personalise">
      <button
        type="button"
        className="button is-quiet"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => setOpen(!open)}
        data-testid="designer-personalise"
      >
        {t('designer.chip.personalise')}
      </button>
      {open && (
        <div
          className="personalise-menu"
          id={`${id}-menu`}
          role="group"
          aria-label={t('designer.chip.personalise')}
        >
          <label className="field-label" htmlFor={`${id}-attr`}>
            {t('designer.chip.attribute')}
          </label>
          <select
            id={`${id}-attr`}
            className="select"
            value={CHIP_ATTRIBUTES.includes(attribute as 'city') ? attribute : ''}
            onChange={(e) => setAttribute(e.target.value)}
            data-testid="designer-chip-attribute"
          >
            {CHIP_ATTRIBUTES.map((a) => (
              <option key={a} value={a}>
                {t(CHIP_NAME[a]!)}
              </option>
            ))}
            <option value="">{t('designer.chip.other')}</option>
          </select>
          {!CHIP_ATTRIBUTES.includes(attribute as 'city') && (
            <input
              aria-label={t('designer.chip.otherName')}
              className="input"
              value={attribute}
              onChange={(e) => setAttribute(e.target.value)}
            />
          )}
          <label className="field-label" htmlFor={`${id}-fallback`}>
            {t('designer.chip.fallback')}
          </label>
          <input
            id={`${id}-fallback`}
            className="input"
            value={fallback}
            onChange={(e) => setFallback(e.target.value)}
            data-testid="designer-chip-fallback"
          />
          <p className="field-help">{t('designer.chip.fallbackHelp')}</p>
          <button
            type="button"
            className="button is-primary"
            disabled={name === ''}
            data-testid="designer-chip-insert"
            onClick={() => {
              onInsert(personalTag(name, fallback.trim()));
              setOpen(false);
            }}
          >
            {t('designer.chip.insert')}
          </button>
        </div>
      )}
    </div>
  );
}
