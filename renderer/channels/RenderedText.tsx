import type { RenderResult } from '../../core/runtime/templating';
import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import { renderFailureText, type TemplateFieldName } from './render-failure-words';

/** A rendered template field: its text, or why it could not be rendered, in the app's language. */
export function RenderedText({
  value,
  field,
}: {
  value: RenderResult | undefined;
  /** The field by its own name, or another channel's field by its title. */
  field: TemplateFieldName | { title: string };
}) {
  const t = useT();
  const formats = useFormats();
  if (!value) return null;
  return value.ok ? (
    <>{value.text}</>
  ) : (
    <span className="preview-error">{renderFailureText(t, formats, value, field)}</span>
  );
}
