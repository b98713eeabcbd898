import type { EmailDesign } from '../../core/email-design/design-schema';
import type { JourneyNode } from '../../core/model/journey';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store/app-store';

/**
 * The plain-text part: generated from the blocks (html-to-text) until the marketer edits it;
 * from then on it is theirs, until they ask for it to be generated again.
 */
export function PlainTextPanel({
  node,
  design,
  generated,
  onEdit,
}: {
  node: JourneyNode;
  design: EmailDesign;
  generated: string | undefined;
  onEdit: (design: EmailDesign, key?: string) => void;
}) {
  const t = useT();
  const updateConfig = useApp((s) => s.updateConfig);
  const config =
    useApp((s) => s.journey?.nodes.find((n) => n.id === node.id)?.config) ?? node.config;
  const written = design.plainText === 'written';
  const text = typeof config.text === 'string' ? config.text : (generated ?? '');
  return (
    <div className="form">
      <p className="designer-hint">
        {written ? t('designer.text.written') : t('designer.text.generated')}
      </p>
      <label className="field-label" htmlFor="designer-plain-text">
        {t('designer.text.label')}
      </label>
      <textarea
        id="designer-plain-text"
        className="input is-code"
        rows={18}
        value={text}
        data-testid="designer-plain-text"
        onChange={(e) => {
          if (!written) onEdit({ ...design, plainText: 'written' });
          updateConfig(node.id, { ...config, text: e.target.value });
        }}
      />
      {written && (
        <button
          type="button"
          className="button"
          onClick={() => {
            const { plainText: _, ...rest } = design;
            onEdit(rest);
          }}
        >
          {t('designer.text.regenerate')}
        </button>
      )}
    </div>
  );
}
