// Makes the starters' emails from their designs (`node scripts/run-ts.mjs scripts/starter-emails.ts`
// from the project folder): each email's `html` and `text` are compiled from its `design`, the
// source of truth, and a test checks the committed files match. An email still written as HTML
// is first rebuilt as blocks in Nordic Shop's look — how the starters moved to the designer.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DESIGN_VERSION,
  type Block,
  type EmailDesign,
  type Theme,
} from '../core/email-design/design-schema';
import { recompileDesigns } from '../core/email-design/designed-journey';
import type { Journey } from '../core/model/journey';
import { parseJourneyFile, serializeJourney } from '../core/model/journey-file';

const root = process.cwd();
const folder = join(root, 'assets', 'templates');
if (!existsSync(folder)) {
  console.error('Run this from the project folder.');
  process.exit(2);
}

/** Nordic Shop, the starters' fictional shop: warm paper, deep teal buttons. */
const NORDIC_SHOP: Theme = {
  background: '#f4f1ec',
  surface: '#ffffff',
  text: '#1f2933',
  muted: '#5f6b7a',
  accent: '#1f4e5f',
  buttonText: '#ffffff',
  font: 'sans',
};

/** Starters whose emails are about one product the event names: they show it. */
const ABOUT_A_PRODUCT = new Set(['abandoned-cart', 'browse-abandonment']);

const stripTags = (html: string) => html.replace(/<[^>]+>/g, '').trim();

function firstSentence(html: string): string {
  const text = stripTags(html).replace(/\s+/g, ' ');
  const end = text.search(/[.!?](\s|$)/);
  return (end > 0 ? text.slice(0, end + 1) : text).slice(0, 140);
}

/** An email written as HTML, as blocks: the parts the starters' emails are made of. */
function designFromHtml(journeyId: string, subject: string, html: string): EmailDesign {
  const paragraphs = [...html.matchAll(/<p([^>]*)>([\s\S]*?)<\/p>/g)];
  const blocks: Block[] = [
    { id: 'logo', type: 'heading', text: 'Nordic Shop', level: 3, align: 'center' },
    { id: 'title', type: 'heading', text: subject, level: 1, align: 'left' },
  ];
  let text: string[] = [];
  let n = 0;
  const flush = () => {
    if (text.length === 0) return;
    blocks.push({ id: `text-${++n}`, type: 'text', html: text.join(''), align: 'left' });
    text = [];
  };
  let footer: Block | undefined;
  let preheader = '';
  for (const [, attributes = '', inner = ''] of paragraphs) {
    if (/font-size:\s*12px/.test(attributes)) {
      const [address = '', rest = ''] = inner.split(/<br\s*\/?>/);
      footer = {
        id: 'footer',
        type: 'footer',
        address: stripTags(address),
        note: stripTags(rest.replace(/<a [^>]*>[\s\S]*?<\/a>/, '')).trim(),
        unsubscribeLabel: 'Unsubscribe',
      };
      continue;
    }
    const button = /<a href="([^"]+)" style="background[^"]*">([\s\S]*?)<\/a>/.exec(inner);
    if (button) {
      flush();
      if (ABOUT_A_PRODUCT.has(journeyId) && !blocks.some((b) => b.type === 'products'))
        blocks.push({
          id: 'product',
          type: 'products',
          source: 'event',
          max: 1,
          currency: 'kr',
          buttonLabel: 'View it',
        });
      blocks.push({
        id: `button-${++n}`,
        type: 'button',
        label: stripTags(button[2] ?? ''),
        href: button[1] ?? '',
        align: 'left',
      });
      continue;
    }
    if (!preheader && !/^Hi\b/.test(stripTags(inner))) preheader = firstSentence(inner);
    text.push(`<p>${inner}</p>`);
  }
  flush();
  blocks.push(
    { id: 'divider', type: 'divider' },
    {
      id: 'social',
      type: 'social',
      links: [
        { network: 'instagram', url: 'https://instagram.com/nordicshop' },
        { network: 'facebook', url: 'https://facebook.com/nordicshop' },
      ],
      align: 'center',
    },
  );
  if (footer) blocks.push(footer);
  return { version: DESIGN_VERSION, theme: NORDIC_SHOP, ...(preheader && { preheader }), blocks };
}

for (const file of readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const path = join(folder, file);
  const parsed = parseJourneyFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => p.message).join(' ')}`);
  const journey: Journey = {
    ...parsed.journey,
    nodes: parsed.journey.nodes.map((node) => {
      const config = node.config;
      if (
        config.design !== undefined ||
        config.channel !== 'email' ||
        typeof config.html !== 'string'
      )
        return node;
      const subject = typeof config.subject === 'string' ? config.subject : '';
      return {
        ...node,
        config: { ...config, design: designFromHtml(parsed.journey.id, subject, config.html) },
      };
    }),
  };
  const compiled = await recompileDesigns(journey);
  writeFileSync(path, serializeJourney(compiled));
  console.log(
    `${file}  ${compiled.nodes.filter((n) => n.config.design !== undefined).length} designed emails`,
  );
}
