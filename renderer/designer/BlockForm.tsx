import { useId, useRef, type ReactNode } from 'react';
import {
  PRODUCT_SOURCES,
  SOCIAL_NETWORKS,
  type Block,
  type BlockOf,
  type ColumnBlock,
  type Theme,
} from '../../core/email-design/design-schema';
import { SOCIAL_LABELS } from '../../core/email-design/social';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { BLOCK_NAME } from './block-words';
import { COLUMN_TYPES } from './design-edits';
import { ImageField } from './ImageField';
import { PersonaliseButton } from './PersonaliseButton';
import { RichTextField } from './RichTextField';
import { ShowIfField } from './ShowIfField';

type AnyBlock = Block | ColumnBlock;

export function Row({
  id,
  label,
  help,
  children,
}: {
  id: string;
  label: string;
  help?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {help && <p className="field-help">{help}</p>}
    </div>
  );
}

const ALIGN: ['left' | 'center' | 'right', MessageId][] = [
  ['left', 'designer.align.left'],
  ['center', 'designer.align.center'],
  ['right', 'designer.align.right'],
];

function AlignField({
  value,
  onChange,
}: {
  value: 'left' | 'center' | 'right';
  onChange: (v: 'left' | 'center' | 'right') => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <Row id={id} label={t('designer.align')}>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(e) => onChange(e.target.value as 'left')}
      >
        {ALIGN.map(([v, label]) => (
          <option key={v} value={v}>
            {t(label)}
          </option>
        ))}
      </select>
    </Row>
  );
}

/** A one-line text with Liquid, and a button that puts a personalisation chip at the caret. */
function LiquidLine({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Row id={id} label={label}>
      <div className="with-action">
        <input
          id={id}
          ref={input}
          className="input"
          value={value}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
        <PersonaliseButton
          onInsert={(liquid) => {
            const at = input.current?.selectionStart ?? value.length;
            onChange(`${value.slice(0, at)}${liquid}${value.slice(at)}`);
          }}
        />
      </div>
    </Row>
  );
}

function Text({
  label,
  value,
  onChange,
  help,
  multiline,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  help?: string;
  multiline?: boolean;
}) {
  const id = useId();
  return (
    <Row id={id} label={label} {...(help && { help })}>
      {multiline ? (
        <textarea
          id={id}
          className="input"
          rows={3}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Row>
  );
}

function Colour({
  label,
  value,
  fallback,
  onChange,
}: {
  label: string;
  value: string | undefined;
  fallback: string;
  onChange: (v: string | undefined) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <Row id={id} label={label}>
      <div className="with-action">
        <input
          id={id}
          type="color"
          className="input is-colour"
          value={value ?? fallback}
          onChange={(e) => onChange(e.target.value)}
        />
        {value !== undefined && (
          <button type="button" className="button is-quiet" onClick={() => onChange(undefined)}>
            {t('designer.colour.theme')}
          </button>
        )}
      </div>
    </Row>
  );
}

function Fields({
  block,
  theme,
  set,
}: {
  block: AnyBlock;
  theme: Theme;
  set: (patch: Partial<AnyBlock>) => void;
}): ReactNode {
  const t = useT();
  const levelId = useId();
  switch (block.type) {
    case 'heading':
      return (
        <>
          <LiquidLine
            label={t('designer.form.headingText')}
            value={block.text}
            onChange={(text) => set({ text })}
            testId="designer-heading-text"
          />
          <Row id={levelId} label={t('designer.form.level')}>
            <select
              id={levelId}
              className="select"
              value={block.level}
              onChange={(e) => set({ level: Number(e.target.value) as 1 })}
            >
              <option value={1}>{t('designer.form.level1')}</option>
              <option value={2}>{t('designer.form.level2')}</option>
              <option value={3}>{t('designer.form.level3')}</option>
            </select>
          </Row>
          <AlignField value={block.align} onChange={(align) => set({ align })} />
        </>
      );
    case 'text':
      return (
        <>
          <RichTextField html={block.html} onChange={(html) => set({ html })} />
          <AlignField value={block.align} onChange={(align) => set({ align })} />
        </>
      );
    case 'image':
      return <ImageField block={block} onChange={(patch) => set(patch)} />;
    case 'button':
      return (
        <>
          <LiquidLine
            label={t('designer.form.buttonLabel')}
            value={block.label}
            onChange={(label) => set({ label })}
          />
          <Text
            label={t('designer.form.link')}
            value={block.href}
            onChange={(href) => set({ href })}
            help={t('designer.form.linkHelp')}
          />
          <Colour
            label={t('designer.form.buttonColour')}
            value={block.colour}
            fallback={theme.accent}
            onChange={(colour) => set({ colour })}
          />
          <Colour
            label={t('designer.form.buttonTextColour')}
            value={block.textColour}
            fallback={theme.buttonText}
            onChange={(textColour) => set({ textColour })}
          />
          <AlignField value={block.align} onChange={(align) => set({ align })} />
        </>
      );
    case 'spacer':
      return <SpacerField height={block.height} onChange={(height) => set({ height })} />;
    case 'divider':
      return <p className="designer-hint">{t('designer.form.divider')}</p>;
    case 'columns':
      return <ColumnsFields block={block} set={set} />;
    case 'social':
      return <SocialFields block={block} set={set} />;
    case 'products':
      return <ProductFields block={block} set={set} />;
    case 'footer':
      return (
        <>
          <Text
            label={t('designer.form.address')}
            value={block.address}
            multiline
            onChange={(address) => set({ address })}
            help={t('designer.form.addressHelp')}
          />
          <Text
            label={t('designer.form.note')}
            value={block.note}
            multiline
            onChange={(note) => set({ note })}
          />
          <Text
            label={t('designer.form.unsubscribe')}
            value={block.unsubscribeLabel}
            onChange={(unsubscribeLabel) =>
              set({ unsubscribeLabel: unsubscribeLabel || block.unsubscribeLabel })
            }
            help={t('designer.form.unsubscribeHelp')}
          />
        </>
      );
  }
}

function SpacerField({ height, onChange }: { height: number; onChange: (h: number) => void }) {
  const t = useT();
  const id = useId();
  return (
    <Row id={id} label={t('designer.form.height')}>
      <input
        id={id}
        type="number"
        min={4}
        max={160}
        className="input is-number"
        value={height}
        onChange={(e) => onChange(Math.max(4, Math.min(160, Number(e.target.value) || 4)))}
      />
    </Row>
  );
}

function ColumnsFields({
  block,
  set,
}: {
  block: BlockOf<'columns'>;
  set: (patch: Partial<AnyBlock>) => void;
}) {
  const t = useT();
  const countId = useId();
  return (
    <>
      <Row id={countId} label={t('designer.form.columnCount')}>
        <select
          id={countId}
          className="select"
          value={block.columns.length}
          onChange={(e) => {
            const n = Number(e.target.value);
            const columns =
              n > block.columns.length ? [...block.columns, []] : block.columns.slice(0, n);
            set({ columns });
          }}
        >
          <option value={2}>2</option>
          <option value={3}>3</option>
        </select>
      </Row>
      {block.columns.map((column, c) => (
        <fieldset key={c} className="designer-column">
          <legend>{t('designer.form.column', { n: c + 1 })}</legend>
          <ul className="designer-column-list">
            {column.map((inner, j) => (
              <li key={inner.id}>
                <ColumnInner
                  block={inner}
                  onChange={(next) =>
                    set({
                      columns: block.columns.map((col, ci) =>
                        ci === c ? col.map((b, bj) => (bj === j ? next : b)) : col,
                      ),
                    })
                  }
                  onRemove={() =>
                    set({
                      columns: block.columns.map((col, ci) =>
                        ci === c ? col.filter((_, bj) => bj !== j) : col,
                      ),
                    })
                  }
                />
              </li>
            ))}
          </ul>
          <AddToColumn
            onAdd={(type) =>
              set({
                columns: block.columns.map((col, ci) =>
                  ci === c
                    ? [...col, columnBlock(type, `${block.id}-${c}-${Date.now().toString(36)}`)]
                    : col,
                ),
              })
            }
          />
        </fieldset>
      ))}
    </>
  );
}

function columnBlock(type: ColumnBlock['type'], id: string): ColumnBlock {
  switch (type) {
    case 'heading':
      return { id, type, text: '', level: 3, align: 'left' };
    case 'text':
      return { id, type, html: '<p></p>', align: 'left' };
    case 'image':
      return { id, type, src: '', alt: '', align: 'center' };
    case 'button':
      return { id, type, label: '', href: 'https://', align: 'left' };
    case 'divider':
      return { id, type };
    case 'spacer':
      return { id, type, height: 16 };
  }
}

function AddToColumn({ onAdd }: { onAdd: (type: ColumnBlock['type']) => void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="with-action">
      <label className="visually-hidden" htmlFor={id}>
        {t('designer.form.addToColumn')}
      </label>
      <select
        id={id}
        className="select"
        value=""
        onChange={(e) => e.target.value && onAdd(e.target.value as 'text')}
      >
        <option value="">{t('designer.form.addToColumn')}</option>
        {COLUMN_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(BLOCK_NAME[type])}
          </option>
        ))}
      </select>
    </div>
  );
}

function ColumnInner({
  block,
  onChange,
  onRemove,
}: {
  block: ColumnBlock;
  onChange: (b: ColumnBlock) => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <details className="designer-inner">
      <summary>{t(BLOCK_NAME[block.type])}</summary>
      <BlockForm
        block={block}
        theme={undefined}
        onChange={(next) => onChange(next as ColumnBlock)}
      />
      <button type="button" className="button is-quiet" onClick={onRemove}>
        {t('designer.form.removeFromColumn')}
      </button>
    </details>
  );
}

function SocialFields({
  block,
  set,
}: {
  block: BlockOf<'social'>;
  set: (patch: Partial<AnyBlock>) => void;
}) {
  const t = useT();
  const links = block.links;
  const put = (next: typeof links) => set({ links: next });
  return (
    <>
      {links.map((link, i) => (
        <div className="with-action" key={i}>
          <select
            aria-label={t('designer.form.network')}
            className="select"
            value={link.network}
            onChange={(e) =>
              put(links.map((l, j) => (j === i ? { ...l, network: e.target.value as 'x' } : l)))
            }
          >
            {SOCIAL_NETWORKS.map((n) => (
              <option key={n} value={n}>
                {SOCIAL_LABELS[n]}
              </option>
            ))}
          </select>
          <input
            aria-label={t('designer.form.profileAddress')}
            className="input"
            value={link.url}
            onChange={(e) =>
              put(links.map((l, j) => (j === i ? { ...l, url: e.target.value } : l)))
            }
          />
          <button
            type="button"
            className="button is-quiet"
            onClick={() => put(links.filter((_, j) => j !== i))}
          >
            {t('designer.form.remove')}
          </button>
        </div>
      ))}
      {links.length < 8 && (
        <button
          type="button"
          className="button"
          onClick={() => put([...links, { network: 'linkedin', url: 'https://' }])}
        >
          {t('designer.form.addNetwork')}
        </button>
      )}
      <AlignField value={block.align} onChange={(align) => set({ align })} />
    </>
  );
}

const SOURCE_WORDS: Record<(typeof PRODUCT_SOURCES)[number], MessageId> = {
  'event.products': 'designer.products.eventProducts',
  'event.items': 'designer.products.eventItems',
  'profile.cart': 'designer.products.profileCart',
  event: 'designer.products.event',
};

function ProductFields({
  block,
  set,
}: {
  block: BlockOf<'products'>;
  set: (patch: Partial<AnyBlock>) => void;
}) {
  const t = useT();
  const sourceId = useId();
  const maxId = useId();
  return (
    <>
      <Row id={sourceId} label={t('designer.products.source')} help={t('designer.products.help')}>
        <select
          id={sourceId}
          className="select"
          value={block.source}
          onChange={(e) => set({ source: e.target.value as 'event' })}
        >
          {PRODUCT_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(SOURCE_WORDS[source])}
            </option>
          ))}
        </select>
      </Row>
      {block.source !== 'event' && (
        <Row id={maxId} label={t('designer.products.max')}>
          <input
            id={maxId}
            type="number"
            min={1}
            max={12}
            className="input is-number"
            value={block.max}
            onChange={(e) => set({ max: Math.max(1, Math.min(12, Number(e.target.value) || 1)) })}
          />
        </Row>
      )}
      <Text
        label={t('designer.products.currency')}
        value={block.currency}
        onChange={(currency) => set({ currency })}
      />
      <Text
        label={t('designer.products.button')}
        value={block.buttonLabel}
        onChange={(buttonLabel) => set({ buttonLabel })}
      />
    </>
  );
}

/** The settings of one block, and (for any but the footer) who it is shown to. */
export function BlockForm({
  block,
  theme,
  onChange,
}: {
  block: AnyBlock;
  theme: Theme | undefined;
  onChange: (block: AnyBlock) => void;
}) {
  const t = useT();
  const set = (patch: Partial<AnyBlock>) => {
    const next = { ...block, ...patch } as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
    onChange(next as unknown as AnyBlock);
  };
  return (
    <div className="form designer-form" data-testid="designer-block-form">
      <h3 className="section-title">{t(BLOCK_NAME[block.type])}</h3>
      <Fields block={block} theme={theme ?? FALLBACK_THEME} set={set} />
      {block.type !== 'footer' && (
        <ShowIfField value={block.showIf} onChange={(showIf) => set({ showIf })} />
      )}
    </div>
  );
}

const FALLBACK_THEME: Theme = {
  background: '#ffffff',
  surface: '#ffffff',
  text: '#1f2937',
  muted: '#6b7280',
  accent: '#1d4ed8',
  buttonText: '#ffffff',
  font: 'sans',
};
