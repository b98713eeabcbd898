import { readDesign } from '../../core/email-design/design-schema';
import type { JourneyNode } from '../../core/model/journey';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store/app-store';

/**
 * The way into the email designer: a designed email opens in it; a hand-written one can be
 * rebuilt with blocks. A designed email can go back to raw HTML for power users (the HTML the
 * design made is kept, and is theirs to edit from then on).
 */
export function EmailComposer({ node }: { node: JourneyNode }) {
  const t = useT();
  const openDesigner = useApp((s) => s.openDesigner);
  const loadBrand = useApp((s) => s.loadBrand);
  const updateConfig = useApp((s) => s.updateConfig);
  const design = node.config.design;
  const read = design === undefined ? undefined : readDesign(design);
  return (
    <section className="composer" aria-label={t('composer.email.title')}>
      {read === undefined ? (
        <>
          <p className="composer-note">{t('composer.email.raw')}</p>
          <button
            type="button"
            className="button is-primary"
            // A new design starts from the brand kit as it is saved now.
            onClick={() => void loadBrand().then(() => openDesigner(node.id))}
            data-testid="open-designer"
          >
            {t('composer.email.design')}
          </button>
        </>
      ) : read.status === 'ok' ? (
        <>
          <p className="composer-note">
            {t('composer.email.designed', { blocks: read.design.blocks.length })}
          </p>
          <div className="composer-actions">
            <button
              type="button"
              className="button is-primary"
              onClick={() => openDesigner(node.id)}
              data-testid="open-designer"
            >
              {t('composer.email.open')}
            </button>
            <button
              type="button"
              className="button is-quiet"
              onClick={() => {
                const { design: _, ...rest } = node.config;
                updateConfig(node.id, rest);
              }}
            >
              {t('composer.email.toRaw')}
            </button>
          </div>
        </>
      ) : (
        <p className="composer-note" role="alert">
          {read.status === 'newer'
            ? t('designer.newer', { version: read.version })
            : t('designer.damaged', { problem: read.message })}
        </p>
      )}
    </section>
  );
}
