import { OUTPUT_LIMIT, RENDER_LIMIT_MS } from '../../core/runtime/template-limits';
import { templateProblemValues } from '../../core/runtime/template-problems';
import type { RenderResult } from '../../core/runtime/templating';
import type { Formats } from '../i18n/format';
import type { Translate } from '../i18n/I18nProvider';

/** The template fields `validation.template-invalid` names by themselves ("The subject …"). */
export type TemplateFieldName = 'subject' | 'html' | 'text' | 'title' | 'body' | 'url';

/**
 * Why a template could not be rendered for the preview's profile, in the app's language: a
 * Liquid mistake as the journey check says it, a bound the render ran into with its figure. Any
 * other failure keeps the words it came with.
 */
export function renderFailureText(
  t: Translate,
  formats: Formats,
  failure: Extract<RenderResult, { ok: false }>,
  field: TemplateFieldName | { title: string },
): string {
  if (failure.problem)
    return t('validation.template-invalid', {
      ...templateProblemValues(failure.problem),
      ...(typeof field === 'string'
        ? { field, fieldTitle: '' }
        : { field: 'other', fieldTitle: field.title }),
    });
  if (failure.limit)
    return t('template.renderLimit', {
      limit: failure.limit,
      chars: formats.number(OUTPUT_LIMIT),
      seconds: formats.number(RENDER_LIMIT_MS / 1000),
    });
  return failure.error;
}
