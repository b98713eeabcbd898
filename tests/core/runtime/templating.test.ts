import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  renderTemplate,
  templateVariables,
  type TemplateScope,
} from '../../../core/runtime/templating';

const scope = (
  profile: Record<string, unknown>,
  link = 'https://x.example/u?a=1&b="2"',
): TemplateScope => ({
  profile,
  event: { brand: 'Acme' },
  journey: { id: 'j', name: 'Journey' },
  unsubscribe_url: link,
  now: new Date(Date.parse('2026-05-01T10:00:00Z')),
});

const reference = new Liquid({ outputEscape: 'escape', strictFilters: true });

describe('templates', () => {
  it('escapes inserted values in HTML and not in text, unless asked', () => {
    const s = scope({ name: '<b>Ann</b> & "co"' });
    expect(renderTemplate('<p>{{ profile.name }}</p>', 'html', s)).toEqual({
      ok: true,
      text: '<p>&lt;b&gt;Ann&lt;/b&gt; &amp; &#34;co&#34;</p>',
    });
    expect(renderTemplate('<p>{{ profile.name | raw }}</p>', 'html', s)).toEqual({
      ok: true,
      text: '<p><b>Ann</b> & "co"</p>',
    });
    expect(renderTemplate('{{ profile.name }}', 'text', s)).toEqual({
      ok: true,
      text: '<b>Ann</b> & "co"',
    });
  });

  it('in a JSON body, escapes a value inside a string and lets `| json` write a whole value', () => {
    const name = 'Ann", "admin": true, "x": "';
    const s = scope({ name, tags: ['a', 'b"c'] });
    const body = renderTemplate(
      '{"name": "{{ profile.name }}", "same": {{ profile.name | json }}, "tags": {{ profile.tags | jsonify }}}',
      'json',
      s,
    );
    if (!body.ok) throw new Error(body.error);
    expect(JSON.parse(body.text)).toEqual({ name, same: name, tags: ['a', 'b"c'] });
  });

  it('gives every profile its own output, unsubscribe link included, exactly as a fresh render would', () => {
    const source =
      '<p>Hi {{ profile.first | default: "there" }}, {{ profile.tags.size }} tags</p><a href="{{ unsubscribe_url }}">x</a>';
    const people = [
      { first: 'Ann', tags: ['a'] },
      { first: 'Ann', tags: ['a', 'b'] },
      { first: 'Bo' },
      { first: 'Ann', tags: ['a'] },
      {},
    ];
    people.forEach((profile, i) => {
      const s = scope(profile, `https://x.example/u/${i}?t=${i}&q="x"`);
      const fresh = reference.parseAndRenderSync(source, s) as string;
      expect(renderTemplate(source, 'html', s)).toEqual({ ok: true, text: fresh });
    });
  });

  it('renders links passed through filters per profile', () => {
    const source = '{{ unsubscribe_url | upcase }}';
    expect(renderTemplate(source, 'text', scope({}, 'https://a.example/1'))).toEqual({
      ok: true,
      text: 'HTTPS://A.EXAMPLE/1',
    });
    expect(renderTemplate(source, 'text', scope({}, 'https://a.example/2'))).toEqual({
      ok: true,
      text: 'HTTPS://A.EXAMPLE/2',
    });
  });

  it('reads "now" from the step, never the system clock', () => {
    expect(renderTemplate("{{ 'now' | date: '%Y-%m-%d %H:%M' }}", 'text', scope({}))).toEqual({
      ok: true,
      text: '2026-05-01 10:00',
    });
  });

  it('reports render failures instead of throwing', () => {
    const result = renderTemplate(
      '{{ profile.code | url_decode }}',
      'text',
      scope({ code: '%E0%A4%A' }),
    );
    expect(result).toEqual({ ok: false, error: 'URI malformed, line:1, col:1' });
    expect(
      renderTemplate('{{ profile.code | url_decode }}', 'text', scope({ code: 'a%20b' })),
    ).toEqual({ ok: true, text: 'a b' });
  });

  it('refuses includes and unknown filters at check time', () => {
    expect(checkTemplate("{% include 'footer' %}")).toMatchObject({
      ok: false,
      error: 'a message template cannot include other templates (include, render, layout)',
    });
    expect(checkTemplate('{{ x | shout }}')).toMatchObject({ ok: false });
    expect(checkTemplate('Hi {{ profile.first_name }}')).toEqual({ ok: true });
  });

  it('lists the variables a template reads', () => {
    expect(
      templateVariables(
        '{{ profile.first_name }} {% if profile.vip %}{{ event.brand }}{% endif %} {{ unsubscribe_url }}',
      ),
    ).toEqual(['profile.first_name', 'profile.vip', 'event.brand', 'unsubscribe_url']);
  });
});
