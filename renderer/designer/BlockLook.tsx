import type { ReactNode } from 'react';
import { sanitizeRichText } from '../../core/email-design/design-liquid';
import type { Block, ColumnBlock, Theme } from '../../core/email-design/design-schema';
import { libraryImageId } from '../../core/email-design/images';
import { SOCIAL_LABELS } from '../../core/email-design/social';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store/app-store';
import { CHIP_NAME } from './block-words';
import { editableHtml, piecesOf } from './liquid-chips';

/** Text with Liquid, chips drawn as pills ("First name"), other Liquid as code. */
export function LiquidText({ text }: { text: string }) {
  const t = useT();
  return (
    <>
      {piecesOf(text).map((piece, i) =>
        piece.kind === 'text' ? (
          <span key={i}>{piece.text}</span>
        ) : piece.kind === 'chip' ? (
          <span
            key={i}
            className="chip"
            title={
              piece.fallback
                ? t('designer.chip.fallbackTitle', { fallback: piece.fallback })
                : undefined
            }
          >
            {CHIP_NAME[piece.attribute] ? t(CHIP_NAME[piece.attribute]!) : piece.attribute}
          </span>
        ) : (
          <code key={i} className="liquid">
            {piece.liquid}
          </code>
        ),
      )}
    </>
  );
}

function useChipLabel(): (attribute: string) => string {
  const t = useT();
  return (attribute) => (CHIP_NAME[attribute] ? t(CHIP_NAME[attribute]) : attribute);
}

/** An image of the library or an address, as the designer shows it. */
export function ImageLook({ src, alt, width }: { src: string; alt: string; width?: number }) {
  const t = useT();
  const id = libraryImageId(src);
  const data = useApp((s) => (id ? s.imageData[id] : undefined));
  const shown = id ? data : /^https:\/\//.test(src) ? src : undefined;
  if (!shown)
    return (
      <div className="look-image-empty">
        {src ? t('designer.image.loading') : t('designer.image.none')}
      </div>
    );
  return <img src={shown} alt={alt} style={{ maxWidth: width ? `${width}px` : '100%' }} />;
}

function Inner({ block, theme }: { block: Block | ColumnBlock; theme: Theme }): ReactNode {
  const t = useT();
  const label = useChipLabel();
  switch (block.type) {
    case 'heading': {
      const Tag = `h${block.level}` as 'h1';
      return (
        <Tag className="look-heading" style={{ textAlign: block.align }}>
          <LiquidText text={block.text} />
        </Tag>
      );
    }
    case 'text':
      return (
        <div
          className="look-text"
          style={{ textAlign: block.align }}
          // Only the designer's rich-text subset, chips as inert pills: nothing that runs.
          dangerouslySetInnerHTML={{
            __html: editableHtml(sanitizeRichText(block.html), label).replace(
              /contenteditable="false" /g,
              '',
            ),
          }}
        />
      );
    case 'image':
      return (
        <div className="look-image" style={{ textAlign: block.align }}>
          <ImageLook
            src={block.src}
            alt={block.alt}
            {...(block.width !== undefined && { width: block.width })}
          />
        </div>
      );
    case 'button':
      return (
        <div style={{ textAlign: block.align }}>
          <span
            className="look-button"
            style={{
              background: block.colour ?? theme.accent,
              color: block.textColour ?? theme.buttonText,
            }}
          >
            <LiquidText text={block.label} />
          </span>
        </div>
      );
    case 'divider':
      return <hr className="look-divider" style={{ borderColor: theme.muted }} />;
    case 'spacer':
      return (
        <div
          className="look-spacer"
          style={{ height: block.height }}
          aria-label={t('designer.spacer.look', { height: block.height })}
        />
      );
    default:
      return null;
  }
}

/** A block drawn roughly as the email will show it, in the design's colours. */
export function BlockLook({ block, theme }: { block: Block; theme: Theme }) {
  const t = useT();
  switch (block.type) {
    case 'columns':
      return (
        <div
          className="look-columns"
          style={{ gridTemplateColumns: `repeat(${block.columns.length}, 1fr)` }}
        >
          {block.columns.map((column, i) => (
            <div key={i} className="look-column">
              {column.map((inner) => (
                <Inner key={inner.id} block={inner} theme={theme} />
              ))}
            </div>
          ))}
        </div>
      );
    case 'social':
      return (
        <p className="look-social" style={{ textAlign: block.align }}>
          {block.links.map((link) => (
            <span key={link.network + link.url}>{SOCIAL_LABELS[link.network]}</span>
          ))}
        </p>
      );
    case 'products':
      return (
        <div className="look-products">
          <div className="look-product-image" />
          <div>
            <strong>{t('designer.products.look', { source: block.source, max: block.max })}</strong>
            <span>{t('designer.products.price', { currency: block.currency })}</span>
            <span
              className="look-button is-small"
              style={{ background: theme.accent, color: theme.buttonText }}
            >
              {block.buttonLabel}
            </span>
          </div>
        </div>
      );
    case 'footer':
      return (
        <div className="look-footer" style={{ color: theme.muted }}>
          <p>{block.address || t('designer.footer.noAddress')}</p>
          {block.note && <p>{block.note}</p>}
          <p>
            <u>{block.unsubscribeLabel}</u>
          </p>
        </div>
      );
    default:
      return <Inner block={block} theme={theme} />;
  }
}
