import type { RenderResult } from '../../core/runtime/templating';

/** A rendered template field: its text, or why it could not be rendered. */
export function RenderedText({ value }: { value: RenderResult | undefined }) {
  if (!value) return null;
  return value.ok ? <>{value.text}</> : <span className="preview-error">{value.error}</span>;
}
