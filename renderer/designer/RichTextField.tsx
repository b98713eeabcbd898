import { useEffect, useId, useRef, useState } from 'react';
import { safeHref, sanitizeRichText } from '../../core/email-design/design-liquid';
import { readPersonalTag } from '../../core/email-design/design-liquid';
import { useT } from '../i18n/I18nProvider';
import { CHIP_NAME } from './block-words';
import { chipHtml, editableHtml, storedHtml } from './liquid-chips';
import { PersonaliseButton } from './PersonaliseButton';

/**
 * Rich text: paragraphs, bold, italic, links and lists, with personalisation chips as pills
 * that cannot be half-deleted. What is stored is the sanitised subset, chips as their Liquid.
 */
export function RichTextField({
  html,
  onChange,
}: {
  html: string;
  onChange: (html: string) => void;
}) {
  const t = useT();
  const id = useId();
  const editor = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const label = (attribute: string) => (CHIP_NAME[attribute] ? t(CHIP_NAME[attribute]) : attribute);
  // The editor's content is set once; from then on the browser edits it and we read it back.
  useEffect(() => {
    if (editor.current) editor.current.innerHTML = editableHtml(sanitizeRichText(html), label);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the block changes (keyed by id)
  }, []);
  const emit = () => {
    if (editor.current) onChange(sanitizeRichText(storedHtml(editor.current)));
  };
  const remember = () => {
    const selection = window.getSelection();
    if (selection && selection.rangeCount > 0 && editor.current?.contains(selection.anchorNode))
      saved.current = selection.getRangeAt(0).cloneRange();
  };
  const restore = () => {
    editor.current?.focus();
    const selection = window.getSelection();
    if (saved.current && selection) {
      selection.removeAllRanges();
      selection.addRange(saved.current);
    }
  };
  const command = (name: string, value?: string) => {
    restore();
    document.execCommand(name, false, value);
    emit();
  };
  const insertChip = (liquid: string) => {
    const chip = readPersonalTag(liquid);
    const markup = chipHtml(liquid, label(chip?.attribute ?? ''), chip?.fallback ?? '');
    restore();
    if (!document.execCommand('insertHTML', false, `${markup}&nbsp;`) && editor.current) {
      // Without a caret in the text (or without execCommand), the chip goes at the end.
      const last = editor.current.querySelector('p:last-of-type') ?? editor.current;
      last.insertAdjacentHTML('beforeend', ` ${markup}`);
    }
    emit();
  };
  return (
    <div className="field">
      <div className="field-label" id={`${id}-label`}>
        {t('designer.form.text')}
      </div>
      <div className="rich-toolbar" role="toolbar" aria-label={t('designer.rich.toolbar')}>
        <button
          type="button"
          className="button is-quiet"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => command('bold')}
        >
          <strong>{t('designer.rich.bold')}</strong>
        </button>
        <button
          type="button"
          className="button is-quiet"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => command('italic')}
        >
          <em>{t('designer.rich.italic')}</em>
        </button>
        <button
          type="button"
          className="button is-quiet"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => command('insertUnorderedList')}
        >
          {t('designer.rich.bullets')}
        </button>
        <button
          type="button"
          className="button is-quiet"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => command('insertOrderedList')}
        >
          {t('designer.rich.numbers')}
        </button>
        <button
          type="button"
          className="button is-quiet"
          onMouseDown={(e) => {
            e.preventDefault();
            remember();
          }}
          onClick={() => setLink('https://')}
        >
          {t('designer.rich.link')}
        </button>
        <PersonaliseButton onInsert={insertChip} />
      </div>
      {link !== null && (
        <div className="with-action rich-link">
          <input
            aria-label={t('designer.rich.linkAddress')}
            className="input"
            value={link}
            onChange={(e) => setLink(e.target.value)}
          />
          <button
            type="button"
            className="button"
            disabled={!safeHref(link)}
            onClick={() => {
              command('createLink', link);
              setLink(null);
            }}
          >
            {t('designer.rich.linkApply')}
          </button>
          <button type="button" className="button is-quiet" onClick={() => setLink(null)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <div
        ref={editor}
        className="rich-text input"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={`${id}-label`}
        tabIndex={0}
        data-testid="designer-rich-text"
        onInput={emit}
        onBlur={() => {
          remember();
          emit();
        }}
        onKeyUp={remember}
        onMouseUp={remember}
      />
    </div>
  );
}
