import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../core/runtime/templating';

function problemOf(source: string) {
  const parsed = checkTemplate(source);
  if (parsed.ok) throw new Error(`expected ${source} not to parse`);
  return parsed;
}

describe('template problems in plain words', () => {
  it('an output without its closing braces names what it follows and where', () => {
    const parsed = problemOf('Hi {{ first_name, your cart is waiting');
    expect(parsed.error).toBe(
      'missing a closing }} after {{ first_name, your cart is waiting (line 1, column 4)',
    );
    expect(parsed.problem).toMatchObject({ kind: 'output-not-closed', line: 1, column: 4 });
  });

  it('a misspelt filter suggests the filter meant', () => {
    const parsed = problemOf('Hi {{ profile.first_name | defualt: "there" }}');
    expect(parsed.error).toBe(
      'there is no filter called "defualt" (line 1, column 4); did you mean "default"?',
    );
    expect(parsed.problem).toMatchObject({
      kind: 'filter-unknown',
      name: 'defualt',
      suggestion: 'default',
    });
  });

  it('an if without its endif says which closing tag to add', () => {
    const parsed = problemOf('Hello\n{% if profile.vip %}Welcome back');
    expect(parsed.error).toBe(
      '{% if profile.vip %} is never closed: add {% endif %} after it (line 2, column 1)',
    );
    expect(parsed.problem).toMatchObject({ kind: 'block-not-closed', name: 'if', line: 2 });
  });

  it('a filter without the bar before it is named (the engine said: expected "|" before filter)', () => {
    const parsed = problemOf('Hi {{ profile.first_name default: "there" }}!');
    expect(parsed.problem).toMatchObject({ kind: 'filter-bar-missing', name: 'default' });
    expect(parsed.error).toBe(
      'a | is missing before the filter "default" in {{ profile.first_name default: "there" }} (line 1, column 34)',
    );
    expect(parsed.error).not.toMatch(/line:\d|col:\d/);
  });

  it('a closing tag with nothing to close, and a misspelt tag, are told apart', () => {
    expect(problemOf('Thanks{% endif %}').problem).toMatchObject({
      kind: 'end-without-start',
      name: 'endif',
    });
    const unknown = problemOf('{% iff profile.vip %}VIP{% endif %}');
    expect(unknown.problem).toMatchObject({ kind: 'tag-unknown', name: 'iff' });
    expect(unknown.error).toBe(
      '{% iff %} is not a tag Liquid knows (line 1, column 1); check the spelling',
    );
  });

  it('a filter value without its colon', () => {
    const parsed = problemOf('{{ profile.city | default "Stockholm" }}');
    expect(parsed.problem).toMatchObject({ kind: 'filter-colon-missing', name: 'default' });
  });
});
