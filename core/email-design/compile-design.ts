import { convert } from 'html-to-text';
import mjml2html from 'mjml-browser';
import type { EmailDesign } from './design-schema';
import { designToMjml, type MjmlOptions } from './design-mjml';

/**
 * Why MJML finds fault with a design's email. `mjml-invalid-value`: an attribute's value is not
 * one MJML takes (a colour, a size, an alignment). `mjml-unknown-attribute`: MJML has no such
 * attribute on the tag. `mjml-misplaced`: a tag inside one that may not hold it.
 * `mjml-unknown-element`: MJML has no such tag. `mjml-invalid`: anything else, in MJML's words.
 */
export const COMPILE_PROBLEM_CODES = [
  'mjml-invalid-value',
  'mjml-unknown-attribute',
  'mjml-misplaced',
  'mjml-unknown-element',
  'mjml-invalid',
] as const;
export type CompileProblemCode = (typeof COMPILE_PROBLEM_CODES)[number];

/** An MJML problem, placed at the block whose MJML it is in when it can be. */
export interface CompileProblem {
  code: CompileProblemCode;
  /** The facts of the problem: the tag, the attribute and its value, MJML's own words. */
  values: Record<string, string>;
  /** MJML's own words (English). */
  message: string;
  blockId?: string;
}

/** A design made into email: Liquid HTML and plain text for the engine to render per profile. */
export interface CompiledEmail {
  html: string;
  text: string;
  mjml: string;
  problems: CompileProblem[];
}

interface MjmlError {
  line: number;
  message: string;
  tagName?: string;
}

/**
 * The code and facts of an MJML validation message. MJML words them in fixed patterns
 * (mjml-validator's rules); a message of another shape keeps MJML's words as its detail.
 */
export function compileProblemOf(error: MjmlError): Pick<CompileProblem, 'code' | 'values'> {
  const tag = error.tagName ?? '';
  const text = error.message.trim();
  let m = /^Attribute (\S+) has invalid value: (.*?) for type \w+/.exec(text);
  if (m)
    return {
      code: 'mjml-invalid-value',
      values: { tag, attribute: m[1] ?? '', value: m[2] ?? '' },
    };
  m = /^Attribute (\S+) is illegal$/.exec(text);
  if (m) return { code: 'mjml-unknown-attribute', values: { tag, attribute: m[1] ?? '' } };
  m = /^(\S+) cannot be used inside (\S+), only inside:/.exec(text);
  if (m) return { code: 'mjml-misplaced', values: { tag: m[1] ?? tag, parent: m[2] ?? '' } };
  m = /^Element (\S+) doesn't exist or is not registered$/.exec(text);
  if (m) return { code: 'mjml-unknown-element', values: { tag: m[1] ?? tag } };
  return { code: 'mjml-invalid', values: { tag, detail: text } };
}

type MjmlCompile = (
  mjml: string,
  options: {
    validationLevel: 'strict' | 'soft' | 'skip';
    minify?: boolean;
    keepComments?: boolean;
  },
) => Promise<{ html: string; errors: MjmlError[] }> | { html: string; errors: MjmlError[] };

/**
 * MJML to HTML. `strict` throws on any MJML error (the tests hold every block to it); `soft`
 * (the app) compiles anyway and lists the problems.
 */
export async function compileMjml(
  mjml: string,
  validationLevel: 'strict' | 'soft' = 'soft',
): Promise<{ html: string; errors: MjmlError[] }> {
  const compile = mjml2html as unknown as MjmlCompile;
  const result = await compile(mjml, { validationLevel, keepComments: false });
  return { html: result.html, errors: result.errors };
}

/**
 * The plain-text part of an email's HTML: headings and paragraphs as lines, links as
 * `text [address]`, images left out. Lines are never wrapped: a wrapped Liquid tag would break.
 */
export function plainTextOf(html: string): string {
  // MJML's preview text is hidden in the body; mail programs show it only beside the subject.
  const body = html.replace(/<div style="display:none;font-size:1px;[^"]*">[\s\S]*?<\/div>/, '');
  return convert(body, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'block' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Compiles a design: MJML, HTML with its CSS inline (MJML writes styles as attributes), and the
 * plain text. Problems MJML finds are placed at their block.
 */
export async function compileDesign(
  design: EmailDesign,
  options: MjmlOptions & { validationLevel?: 'strict' | 'soft' } = {},
): Promise<CompiledEmail> {
  const { mjml, lines } = designToMjml(design, options);
  const { html, errors } = await compileMjml(mjml, options.validationLevel ?? 'soft');
  const problems = errors.map((error) => {
    const block = lines.find((l) => error.line >= l.from && error.line <= l.to);
    return {
      ...compileProblemOf(error),
      message: error.message,
      ...(block && { blockId: block.blockId }),
    };
  });
  return { html, text: plainTextOf(html), mjml, problems };
}
