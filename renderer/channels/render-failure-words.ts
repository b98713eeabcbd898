import {
  OUTPUT_LIMIT,
  RENDER_LIMIT_MS,
  type RenderLimit,
} from '../../core/runtime/template-limits';
import { templateProblemValues } from '../../core/runtime/template-problems';
import type { RenderResult } from '../../core/runtime/templating';
import type { Formats } from '../i18n/format';
import type { Translate } from '../i18n/I18nProvider';

const FIELD_NAMES = ['subject', 'html', 'text', 'title', 'body', 'url'] as const;

/** The template fields `validation.template-invalid` names by themselves ("The subject …"). */
export type TemplateFieldName = (typeof FIELD_NAMES)[number];

/** A field by its own name when the sentence has one for it, else by the title it is shown with. */
export function templateField(field: string, title: string): TemplateFieldName | { title: string } {
  return (FIELD_NAMES as readonly string[]).includes(field)
    ? (field as TemplateFieldName)
    : { title };
}

/** Why a render failed, as facts: the Liquid mistake's values, or the limit it ran into. */
export interface RenderFailureFacts {
  /** The sentence in English, kept when there are no facts to word anew. */
  error: string;
  problem?: Readonly<Record<string, string | number>>;
  limit?: RenderLimit;
}

/**
 * Why a template could not be rendered, in the app's language: a Liquid mistake as the journey
 * check says it, a bound the render ran into with its figure. Any other failure keeps the words
 * it came with.
 */
export function renderFailureWords(
  t: Translate,
  formats: Formats,
  failure: RenderFailureFacts,
  field: TemplateFieldName | { title: string },
): string {
  if (failure.problem)
    return t('validation.template-invalid', {
      ...failure.problem,
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

/** `renderFailureWords` for a render's own result, rendered here for the preview's profile. */
export function renderFailureText(
  t: Translate,
  formats: Formats,
  failure: Extract<RenderResult, { ok: false }>,
  field: TemplateFieldName | { title: string },
): string {
  return renderFailureWords(
    t,
    formats,
    {
      error: failure.error,
      ...(failure.problem && { problem: templateProblemValues(failure.problem) }),
      ...(failure.limit && { limit: failure.limit }),
    },
    field,
  );
}
