import type { CompileProblem } from '../../core/email-design/compile-design';
import type { EmailDesign } from '../../core/email-design/design-schema';
import type { Translate } from '../i18n/I18nProvider';
import { BLOCK_NAME } from './block-words';

/** What an MJML attribute sets, as a marketer knows it from the block's settings. */
function settingOf(attribute: string): string {
  if (/color$/.test(attribute)) return 'colour';
  if (attribute === 'href') return 'link';
  if (attribute === 'src') return 'image';
  if (/(^|-)(width|height|padding|size|radius)(-|$)|line-height/.test(attribute)) return 'size';
  if (/align$/.test(attribute)) return 'align';
  return 'other';
}

/** The sentence of an MJML problem, without the block it is in. */
function problemText(t: Translate, problem: Pick<CompileProblem, 'code' | 'values' | 'message'>) {
  const v = problem.values ?? {};
  const attribute = v.attribute ?? '';
  switch (problem.code) {
    case 'mjml-invalid-value':
      return t('designProblem.invalidValue', {
        setting: settingOf(attribute),
        attribute,
        value: v.value ?? '',
      });
    case 'mjml-unknown-attribute':
      return t('designProblem.builder', {
        kind: 'attribute',
        attribute,
        tag: '',
        parent: '',
        detail: '',
      });
    case 'mjml-misplaced':
      return t('designProblem.builder', {
        kind: 'misplaced',
        attribute: '',
        tag: v.tag ?? '',
        parent: v.parent ?? '',
        detail: '',
      });
    case 'mjml-unknown-element':
      return t('designProblem.builder', {
        kind: 'element',
        attribute: '',
        tag: v.tag ?? '',
        parent: '',
        detail: '',
      });
    default:
      return t('designProblem.builder', {
        kind: 'other',
        attribute: '',
        tag: '',
        parent: '',
        detail: v.detail ?? problem.message,
      });
  }
}

/**
 * An MJML problem of a design in the chosen language, with what to do about it, and the block it
 * is in (its place and kind) when it is known.
 */
export function designProblemText(
  t: Translate,
  design: EmailDesign,
  problem: Pick<CompileProblem, 'code' | 'values' | 'message' | 'blockId'>,
): string {
  const text = problemText(t, problem);
  const index = design.blocks.findIndex((b) => b.id === problem.blockId);
  const block = design.blocks[index];
  if (!block) return text;
  return t('designer.preview.blockError', {
    index: index + 1,
    name: t(BLOCK_NAME[block.type]),
    error: text,
  });
}
