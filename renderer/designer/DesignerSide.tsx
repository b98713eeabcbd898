import { useState } from 'react';
import type { CompiledEmail } from '../../core/email-design/compile-design';
import type { EmailDesign } from '../../core/email-design/design-schema';
import type { JourneyNode } from '../../core/model/journey';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { BlockForm } from './BlockForm';
import { DesignPreview } from './DesignPreview';
import { findBlock, replaceBlock } from './design-edits';
import { PlainTextPanel } from './PlainTextPanel';
import { TestSendPanel } from './TestSendPanel';

type Tab = 'block' | 'preview' | 'text' | 'send';
const TABS: [Tab, MessageId][] = [
  ['block', 'designer.tab.block'],
  ['preview', 'designer.tab.preview'],
  ['text', 'designer.tab.text'],
  ['send', 'designer.tab.send'],
];

export type Compiled =
  | { design: EmailDesign; email: CompiledEmail }
  | { design: EmailDesign; error: string }
  | undefined;

/** The designer's right side: the selected block's settings, the preview, plain text, test send. */
export function DesignerSide({
  node,
  design,
  compiled,
  selected,
  onSelect,
  onEdit,
}: {
  node: JourneyNode;
  design: EmailDesign;
  compiled: Compiled;
  selected: string | null;
  onSelect: (id: string) => void;
  onEdit: (design: EmailDesign, key?: string) => void;
}) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('block');
  const block = selected ? findBlock(design, selected) : undefined;
  const email = compiled && 'email' in compiled ? compiled.email : undefined;
  return (
    <aside className="designer-side">
      <div className="tabs" role="tablist" aria-label={t('designer.tabs')}>
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`designer-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`designer-panel-${id}`}
            className={`tab${tab === id ? ' is-on' : ''}`}
            data-testid={`designer-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <div
        className="designer-panel"
        role="tabpanel"
        id={`designer-panel-${tab}`}
        aria-labelledby={`designer-tab-${tab}`}
      >
        {tab === 'block' &&
          (block ? (
            <BlockForm
              key={block.id}
              block={block}
              theme={design.theme}
              onChange={(next) => onEdit(replaceBlock(design, next), `block:${next.id}`)}
            />
          ) : (
            <p className="designer-hint">{t('designer.form.none')}</p>
          ))}
        {tab === 'preview' && (
          <DesignPreview
            design={design}
            email={email}
            error={compiled && 'error' in compiled ? compiled.error : undefined}
            onSelectBlock={(id) => {
              onSelect(id);
              setTab('block');
            }}
          />
        )}
        {tab === 'text' && (
          <PlainTextPanel node={node} design={design} generated={email?.text} onEdit={onEdit} />
        )}
        {tab === 'send' && <TestSendPanel node={node} ready={email !== undefined} />}
      </div>
    </aside>
  );
}
