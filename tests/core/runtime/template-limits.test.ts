import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  renderTemplate,
  templateVariables,
  type TemplateScope,
} from '../../../core/runtime/templating';

const scope = (profile: Record<string, unknown> = {}): TemplateScope => ({
  profile,
  event: {},
  journey: { id: 'j', name: 'Journey' },
  unsubscribe_url: 'https://x.example/u/1',
  now: new Date(Date.parse('2026-05-01T10:00:00Z')),
});

/** Three loops nested over one list of 230 words: 12 million turns of the innermost body. */
function nestedLoops(): string {
  const words = Array.from({ length: 230 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]);
  return (
    `{% assign l = "${words.join(',')}" | split: "," %}` +
    '{% for a in l %}{% for b in l %}{% for c in l %}{% endfor %}{% endfor %}{% endfor %}' +
    '<p>Hi {{ profile.first_name }}</p>'.repeat(4)
  );
}

describe('template limits', () => {
  it('skips a template whose loops repeat too often, quickly and in plain words', () => {
    const source = nestedLoops();
    expect(source.length).toBeGreaterThan(700);
    expect(source.length).toBeLessThan(800);
    expect(checkTemplate(source)).toEqual({ ok: true });
    const started = performance.now();
    const result = renderTemplate(source, 'html', scope());
    const took = performance.now() - started;
    expect(result).toEqual({
      ok: false,
      error: 'This message took too long to render: a loop in the body repeats too often',
      limit: 'loop',
    });
    // The loop budget stops it after a fraction of a second, not the 2–18 s it ran before.
    expect(took).toBeLessThan(1_500);
  });

  it('stops text that doubles itself in a capture before it fills the memory', () => {
    const source =
      '{% assign x = "0123456789" %}' +
      '{% for i in (1..40) %}{% capture x %}{{ x }}{{ x }}{% endcapture %}{% endfor %}{{ x }}';
    expect(renderTemplate(source, 'text', scope())).toEqual({
      ok: false,
      error: 'This message is too long once rendered (over 2,000,000 characters)',
      limit: 'output',
    });
  });

  it('stops a long profile value printed in a loop', () => {
    const big = 'x'.repeat(100_000);
    const source = '{% for i in (1..100) %}{{ profile.note }}{% endfor %}';
    expect(renderTemplate(source, 'text', scope({ note: big }))).toEqual({
      ok: false,
      error: 'This message is too long once rendered (over 2,000,000 characters)',
      limit: 'output',
    });
  });

  it('stops a range that would build a list of thirty million numbers, in plain words', () => {
    const source = '{% for i in (1..30000000) %}{% endfor %}';
    expect(renderTemplate(source, 'text', scope())).toEqual({
      ok: false,
      error:
        'This message needs too much memory to render: a filter builds text or lists that are too long',
      limit: 'memory',
    });
  });

  it('still renders honest loops: a cart of 200 items with 10 tags each', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({
      name: `Item ${i}`,
      tags: Array.from({ length: 10 }, (_, t) => `t${t}`),
    }));
    const source =
      '{% for item in profile.cart %}<li>{{ item.name }}: {% for tag in item.tags %}{{ tag }} {% endfor %}</li>{% endfor %}';
    const result = renderTemplate(source, 'html', scope({ cart: items }));
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.text).toContain('<li>Item 199: t0 t1 t2 t3 t4 t5 t6 t7 t8 t9 </li>');
  });

  it('gives the same answer for every profile: the loop budget counts turns, not time', () => {
    const source = nestedLoops();
    for (const first_name of ['A', 'B', 'C']) {
      expect(renderTemplate(source, 'text', scope({ first_name }))).toMatchObject({
        ok: false,
        error: 'This message took too long to render: a loop in the body repeats too often',
      });
    }
  });

  it('returns a reason for include, render and layout instead of throwing', () => {
    for (const source of ["{% include 'x' %}", "{% render 'x' %}", "{% layout 'x' %}body"]) {
      expect(renderTemplate(source, 'html', scope())).toMatchObject({
        ok: false,
        error: 'a message template cannot include other templates (include, render, layout)',
        problem: { kind: 'includes' },
      });
      expect(templateVariables(source)).toEqual([]);
    }
  });
});
