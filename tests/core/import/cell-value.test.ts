import { describe, expect, it } from 'vitest';
import { typeCell } from '../../../core/import/cell-value';

describe('typeCell', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['-7', -7],
    ['3.5', 3.5],
    ['-0.25', -0.25],
    ['35.79', 35.79],
    ['0.000001', 0.000001],
    ['9007199254740991', 9007199254740991],
    ['123456789.123456', 123456789.123456],
  ])('types %s as a number', (text, number) => {
    expect(typeCell(text)).toBe(number);
  });

  it.each([
    ['0012', 'leading zeros: zip codes and phone numbers'],
    ['1e3', 'exponent'],
    ['2053013552326770905', 'beyond a double'],
    ['2078957452602114300', 'prints back unchanged but is not the integer written'],
    ['9007199254740993', 'beyond 2^53'],
    ['35.70', 'a price keeps its trailing zero'],
    ['1.0', 'trailing zero'],
    ['-0', 'negative zero'],
    ['.5', 'no digit before the point'],
    ['5.', 'no digit after the point'],
    ['0.0000001', 'written by String() with an exponent'],
    ['+5', 'a plus sign'],
    [' 5', 'surrounding space'],
    ['NaN', 'not a number'],
    ['Infinity', 'not finite'],
    ['-Infinity', 'not finite'],
    ['0x10', 'hexadecimal'],
    ['1,5', 'a decimal comma'],
    ['2019-10-01', 'a date'],
    ['72d76fde-8bb3', 'an id starting with digits'],
  ])('keeps %s as text (%s)', (text) => {
    expect(typeCell(text)).toBe(text);
  });

  it('reads true and false in any letter case, and nothing else, as booleans', () => {
    expect(typeCell('true')).toBe(true);
    expect(typeCell('TRUE')).toBe(true);
    expect(typeCell('False')).toBe(false);
    for (const text of ['yes', 'no', 'y', 't', 'truth', 'falsey'])
      expect(typeCell(text)).toBe(text);
  });

  it('agrees with the round-trip rule on many generated numbers', () => {
    const rule = (text: string) => {
      const number = Number(text);
      const exact =
        /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(text) &&
        String(number) === text &&
        (text.includes('.') || Number.isSafeInteger(number));
      return exact ? number : text;
    };
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let k = 0; k < 20000; k++) {
      const value = next() * 10 ** (next() * 24 - 8);
      const text =
        (next() < 0.3 ? '-' : '') +
        (next() < 0.5
          ? value.toFixed(Math.floor(next() * 12))
          : value.toPrecision(1 + Math.floor(next() * 19)));
      expect(typeCell(text), text).toBe(rule(text));
    }
  });
});
