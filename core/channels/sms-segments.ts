/**
 * How an SMS is split into parts, as carriers count it. GSM 03.38 (GSM-7) fits 160 characters
 * in one message and 153 in each part of a longer one; a single character outside it (an
 * emoji, "ő", "ł") sends the whole text as UCS-2: 70 in one message, 67 per part.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters of the extension table: each takes two places (an escape, then the character). */
const GSM_EXTENDED = '^{}\\[~]|€\f';

const basic = new Set(Array.from(GSM_BASIC));
const extended = new Set(Array.from(GSM_EXTENDED));

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Characters as the encoding counts them (GSM-7 extension characters count 2, UCS-2 surrogate pairs 2). */
  length: number;
  /** Messages the carrier sends and bills. */
  segments: number;
  /** Characters one message holds, or each part of a longer one. */
  perSegment: number;
  /** Characters left in the last part before another one starts. */
  remaining: number;
  /** The characters that forced UCS-2, each once, in order of appearance. */
  unicode: string[];
}

/** Counts an SMS text as it will be sent: encoding, length, parts. */
export function countSms(text: string): SmsCount {
  const unicode: string[] = [];
  let gsmLength = 0;
  for (const char of text) {
    if (basic.has(char)) gsmLength += 1;
    else if (extended.has(char)) gsmLength += 2;
    else if (!unicode.includes(char)) unicode.push(char);
  }
  if (unicode.length === 0) return shape('gsm7', gsmLength, 160, 153, unicode);
  // UCS-2 counts UTF-16 code units: an emoji outside the basic plane takes two.
  return shape('ucs2', text.length, 70, 67, unicode);
}

function shape(
  encoding: SmsEncoding,
  length: number,
  single: number,
  part: number,
  unicode: string[],
): SmsCount {
  const segments = length <= single ? 1 : Math.ceil(length / part);
  const perSegment = segments === 1 ? single : part;
  const remaining = segments === 1 ? single - length : segments * part - length;
  return { encoding, length, segments, perSegment, remaining, unicode };
}

/** Words that, at the end of a marketing SMS, tell the reader how to opt out. */
export const OPT_OUT_WORDS = /\b(STOP|STOPP|AVSLUTA|AVBRYT)\b/i;

/** Whether a text tells the reader how to opt out ("Reply STOP"). */
export function hasOptOut(text: string): boolean {
  return OPT_OUT_WORDS.test(text);
}

/** The web addresses an SMS holds, for the link preview. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"']+/gi)].map((m) => m[0].replace(/[.,;:!?)]+$/, ''));
}
