/** The SMS and push composers' counts: encodings and parts as carriers bill them, platform limits. */
import { describe, expect, it } from 'vitest';
import { countPush } from '../../../core/channels/push-limits';
import { countSms, hasOptOut, linksIn } from '../../../core/channels/sms-segments';

describe('SMS parts', () => {
  it('GSM-7: 160 characters in one message, 153 in each part of a longer one', () => {
    expect(countSms('a'.repeat(160))).toMatchObject({
      encoding: 'gsm7',
      length: 160,
      segments: 1,
      remaining: 0,
    });
    expect(countSms('a'.repeat(161))).toMatchObject({
      segments: 2,
      perSegment: 153,
      remaining: 145,
    });
    expect(countSms('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSms('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('Swedish and Norwegian letters are GSM-7; extension characters count twice', () => {
    expect(countSms('Hej Åsa, Ørjan och Æsa: åäöøæ!')).toMatchObject({
      encoding: 'gsm7',
      length: 30,
    });
    expect(countSms('Pris 100€ [rea]')).toMatchObject({ encoding: 'gsm7', length: 18 });
  });

  it('an emoji or "ő" switches to UCS-2: 70 in one message, 67 per part', () => {
    const hungarian = countSms(`Kedves David, köszönjük ő ${'a'.repeat(40)}`);
    expect(hungarian).toMatchObject({ encoding: 'ucs2', unicode: ['ő'] });
    expect(countSms('a'.repeat(69) + '🎉')).toMatchObject({
      encoding: 'ucs2',
      length: 71,
      segments: 2,
      perSegment: 67,
    });
    expect(countSms('a'.repeat(68) + '🎉')).toMatchObject({
      encoding: 'ucs2',
      length: 70,
      segments: 1,
      remaining: 0,
    });
  });

  it('finds the opt-out words and the links', () => {
    expect(hasOptOut('20% off today. Reply STOP to opt out')).toBe(true);
    expect(hasOptOut('Svara STOPP för att avsluta')).toBe(true);
    expect(hasOptOut('20% off today')).toBe(false);
    expect(linksIn('Shop now: https://shop.example.com/sale?x=1. Bye')).toEqual([
      'https://shop.example.com/sale?x=1',
    ]);
  });
});

describe('push limits', () => {
  it('counts characters as people see them against the platforms’ limit', () => {
    expect(countPush('title', '🎉'.repeat(50))).toMatchObject({ length: 50, over: false });
    expect(countPush('title', 'x'.repeat(51))).toMatchObject({ length: 51, limit: 50, over: true });
    expect(countPush('body', 'x'.repeat(178))).toMatchObject({ over: false });
  });
});
