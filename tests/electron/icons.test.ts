import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICNS_ENTRIES, ICO_SIZES, PNG_SIZES, crc32 } from '../../scripts/make-icons.mjs';

const ICONS = join(import.meta.dirname, '..', '..', 'assets', 'icons');
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Checks a PNG chunk by chunk; returns its size and whether its corners are transparent. */
function readPng(data: Buffer) {
  expect(data.subarray(0, 8)).toEqual(SIGNATURE);
  let offset = 8;
  let width = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const body = data.subarray(offset + 4, offset + 8 + length);
    expect(data.readUInt32BE(offset + 8 + length)).toBe(crc32(body));
    if (type === 'IHDR') {
      width = data.readUInt32BE(offset + 8);
      expect(data.readUInt32BE(offset + 12)).toBe(width);
      expect(data[offset + 17]).toBe(6);
    }
    if (type === 'IDAT') idat.push(data.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  expect(rows.length).toBe(width * (width * 4 + 1));
  return {
    width,
    cornerAlpha: rows[1 + 3],
    centreAlpha: rows[(width / 2) * (width * 4 + 1) + 1 + (width / 2) * 4 + 3],
  };
}

describe('the app icon', () => {
  it.each(PNG_SIZES)('is a valid %i px PNG for Linux', (size) => {
    const png = readPng(readFileSync(join(ICONS, 'png', `${size}x${size}.png`)));
    expect(png.width).toBe(size);
    expect(png.cornerAlpha).toBe(0);
    expect(png.centreAlpha).toBe(255);
  });

  it('is an ICO of PNGs for Windows', () => {
    const ico = readFileSync(join(ICONS, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(ICO_SIZES.length);
    ICO_SIZES.forEach((size, i) => {
      const entry = 6 + 16 * i;
      expect(ico[entry]).toBe(size >= 256 ? 0 : size);
      const png = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      expect(readPng(png).width).toBe(size);
    });
  });

  it('is an ICNS for macOS', () => {
    const icns = readFileSync(join(ICONS, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    let offset = 8;
    for (const [type, size] of ICNS_ENTRIES) {
      expect(icns.toString('ascii', offset, offset + 4)).toBe(type);
      const length = icns.readUInt32BE(offset + 4);
      expect(readPng(icns.subarray(offset + 8, offset + length)).width).toBe(size);
      offset += length;
    }
    expect(offset).toBe(icns.length);
  });

  it('is what scripts/make-icons.mjs draws (regenerate after changing the drawing)', async () => {
    const { encodePng, drawIcon } = await import('../../scripts/make-icons.mjs');
    expect(encodePng(32, drawIcon(32)).equals(readFileSync(join(ICONS, 'png', '32x32.png')))).toBe(
      true,
    );
  });
});
