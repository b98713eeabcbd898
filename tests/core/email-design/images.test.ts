/**
 * Images picked for the library: their size and dimensions read from the header, and a clear
 * message for a file that is too large, too wide, empty or not an image email can show.
 */
import { describe, expect, it } from 'vitest';
import { checkImage, readImageFacts } from '../../../core/email-design/images';
import { png } from './image-bytes';

function jpeg(width: number, height: number): Uint8Array {
  // SOI, an APP0 segment of 16 bytes, then a baseline frame header (SOF0).
  const app0 = [0xff, 0xe0, 0, 16, ...new Array<number>(14).fill(0)];
  const sof = [
    0xff,
    0xc0,
    0,
    17,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    3,
    ...new Array<number>(9).fill(0),
  ];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

const gif = (w: number, h: number) =>
  Uint8Array.from([
    ...Array.from('GIF89a', (c) => c.charCodeAt(0)),
    w & 255,
    w >> 8,
    h & 255,
    h >> 8,
    0,
    0,
    0,
  ]);

describe('library images', () => {
  it('reads the type and size of PNG, JPEG and GIF files', () => {
    expect(readImageFacts(png(1200, 630))).toEqual({ type: 'image/png', width: 1200, height: 630 });
    expect(readImageFacts(jpeg(800, 600))).toEqual({ type: 'image/jpeg', width: 800, height: 600 });
    expect(readImageFacts(gif(40, 20))).toEqual({ type: 'image/gif', width: 40, height: 20 });
  });

  it('a broken file: not a PNG, JPEG or GIF that can be read', () => {
    const broken = png(1200, 630).slice(0, 14);
    const result = checkImage('banner.png', broken);
    expect(result).toMatchObject({ ok: false, problem: { code: 'image-unreadable' } });
    if (!result.ok)
      expect(result.problem.message).toMatch(
        /"banner\.png" is not a PNG, JPEG or GIF image that can be read \(the file may be damaged\)/,
      );
    expect(checkImage('notes.txt', new TextEncoder().encode('hello'))).toMatchObject({
      ok: false,
      problem: { code: 'image-unreadable' },
    });
    expect(checkImage('empty.png', new Uint8Array())).toMatchObject({
      ok: false,
      problem: { code: 'image-empty' },
    });
  });

  it('a 20 MB image: the size and the limit, and what to do', () => {
    const result = checkImage('holiday.jpg', png(3000, 2000, 20 * 1024 * 1024));
    expect(result).toMatchObject({ ok: false, problem: { code: 'image-too-large' } });
    if (!result.ok)
      expect(result.problem.message).toBe(
        '"holiday.jpg" is 20.0 MB; images up to 2.0 MB can be used in email. Save it smaller (1200 pixels wide, JPEG) and pick it again.',
      );
  });

  it('dimensions are checked', () => {
    const result = checkImage('poster.png', png(6000, 800));
    expect(result).toMatchObject({ ok: false, problem: { code: 'image-too-wide' } });
    if (!result.ok)
      expect(result.problem.message).toMatch(
        /is 6000 × 800 pixels; images up to 4000 pixels a side/,
      );
    expect(checkImage('zero.png', png(0, 10))).toMatchObject({
      ok: false,
      problem: { code: 'image-unreadable' },
    });
    expect(checkImage('logo.png', png(400, 120))).toEqual({
      ok: true,
      facts: { type: 'image/png', width: 400, height: 120 },
    });
  });
});
