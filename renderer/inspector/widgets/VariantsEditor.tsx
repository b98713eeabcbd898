import { useState } from 'react';
import { isRecord } from '../../../core/model/json-text';
import { useFormats } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { CloseIcon, PlusIcon } from '../../nodes/icons';

interface Variant {
  key: string;
  label?: string;
  weight: number;
  [extra: string]: unknown;
}

export interface VariantsEditorProps {
  value: unknown;
  /** `renamedPorts` maps old keys to new ones, so connections follow a renamed variant. */
  onChange: (value: Variant[], renamedPorts?: Map<string, string>) => void;
}

function nextKey(taken: ReadonlySet<string>): string {
  for (let i = 0; i < 26; i++) {
    const key = String.fromCharCode(65 + i);
    if (!taken.has(key)) return key;
  }
  let n = 27;
  while (taken.has(`V${n}`)) n++;
  return `V${n}`;
}

/** Split variants: key (the exit's name), optional label, weight, and the share it works out to. */
export function VariantsEditor({ value, onChange }: VariantsEditorProps) {
  const t = useT();
  const formats = useFormats();
  const variants: Variant[] = Array.isArray(value)
    ? value.filter(isRecord).map((v) => ({
        ...v,
        key: typeof v.key === 'string' ? v.key : '',
        weight: typeof v.weight === 'number' ? v.weight : 0,
      }))
    : [];
  // A key being retyped is held here while empty: an empty key would drop the variant's exit.
  const [emptyKey, setEmptyKey] = useState<number | null>(null);
  const total = variants.reduce((sum, v) => sum + (v.weight > 0 ? v.weight : 0), 0);
  const replace = (i: number, next: Variant, renamed?: Map<string, string>) =>
    onChange(
      variants.map((v, j) => (j === i ? next : v)),
      renamed,
    );
  return (
    <div className="variants">
      <div className="variant-row is-head" aria-hidden="true">
        <span>{t('inspector.variants.exit')}</span>
        <span>{t('inspector.variants.label')}</span>
        <span>{t('inspector.variants.weight')}</span>
        <span>{t('inspector.variants.share')}</span>
        <span />
      </div>
      {variants.map((variant, i) => {
        const share = total > 0 && variant.weight > 0 ? variant.weight / total : 0;
        return (
          <div className="variant-row" key={i}>
            <input
              className="input is-key"
              value={emptyKey === i ? '' : variant.key}
              aria-label={t('inspector.variants.exitOf', { n: i + 1 })}
              spellCheck={false}
              onChange={(e) => {
                const key = e.target.value.trim();
                if (key === '') {
                  setEmptyKey(i);
                  return;
                }
                setEmptyKey(null);
                replace(i, { ...variant, key }, new Map([[variant.key, key]]));
              }}
              onBlur={() => setEmptyKey(null)}
            />
            <input
              className="input"
              value={variant.label ?? ''}
              aria-label={t('inspector.variants.labelOf', { n: i + 1 })}
              placeholder={t('common.optional')}
              onChange={(e) => {
                const { label: _l, ...rest } = variant;
                replace(i, e.target.value ? { ...rest, label: e.target.value } : rest);
              }}
            />
            <input
              className="input is-number"
              type="number"
              min={0}
              step={1}
              value={variant.weight}
              aria-label={t('inspector.variants.weightOf', { n: i + 1 })}
              onChange={(e) =>
                replace(i, {
                  ...variant,
                  weight: e.target.value === '' ? 0 : Number(e.target.value),
                })
              }
            />
            <span className="variant-share">
              {share ? formats.percent(share, 1) : t('inspector.variants.noShare')}
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label={t('inspector.variants.remove', { key: variant.key })}
              disabled={variants.length <= 2}
              onClick={() => onChange(variants.filter((_, j) => j !== i))}
            >
              <CloseIcon size={14} />
            </button>
          </div>
        );
      })}
      <div className="variants-actions">
        <button
          type="button"
          className="button is-quiet is-small"
          onClick={() =>
            onChange([
              ...variants,
              { key: nextKey(new Set(variants.map((v) => v.key))), weight: 50 },
            ])
          }
        >
          <PlusIcon size={14} /> {t('inspector.variants.add')}
        </button>
        <button
          type="button"
          className="button is-quiet is-small"
          onClick={() => onChange(variants.map((v) => ({ ...v, weight: 1 })))}
        >
          {t('inspector.variants.even')}
        </button>
      </div>
    </div>
  );
}
