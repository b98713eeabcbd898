// Draws the app icon and writes it in every format the packagers want: PNGs for Linux (and the
// window icon), an ICO for Windows and an ICNS for macOS, into assets/icons/. No image tools
// needed: shapes are drawn as signed distance fields and PNG is written with node:zlib.
// Run `node scripts/make-icons.mjs` after changing the drawing; the output is deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { root } from './node-bundle.mjs';

const OUT = join(root, 'assets', 'icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types holding PNG data, by pixel size. */
export const ICNS_ENTRIES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

// ---- Drawing: the unit square, y down. A journey: one trigger branching into two paths. ----

const MARGIN = 0.07;
const CORNER = 0.2;
const TOP = [79, 70, 229]; // indigo
const BOTTOM = [124, 58, 237]; // violet
const WHITE = [255, 255, 255];
const ACCENT = [251, 191, 36]; // amber: the path that converts

// Nodes are cards, as on the canvas: centre, half width, half height, corner radius.
const trigger = { x: 0.27, y: 0.5, w: 0.1, h: 0.1, r: 0.035 };
const upper = { x: 0.73, y: 0.3, w: 0.1, h: 0.075, r: 0.03 };
const lower = { x: 0.73, y: 0.7, w: 0.1, h: 0.075, r: 0.03 };

function roundedSquare(x, y) {
  const half = 0.5 - MARGIN;
  const qx = Math.abs(x - 0.5) - (half - CORNER);
  const qy = Math.abs(y - 0.5) - (half - CORNER);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - CORNER;
}

function card(x, y, c) {
  const qx = Math.abs(x - c.x) - (c.w - c.r);
  const qy = Math.abs(y - c.y) - (c.h - c.r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - c.r;
}

/** A cubic curve from a to b leaving and arriving horizontally, as a polyline. */
function curve(a, b, steps = 32) {
  const points = [];
  const dx = (b.x - a.x) * 0.55;
  for (let i = 0; i <= steps; i += 1) {
    const t = i / steps;
    const u = 1 - t;
    const x = u ** 3 * a.x + 3 * u * u * t * (a.x + dx) + 3 * u * t * t * (b.x - dx) + t ** 3 * b.x;
    const y = u ** 3 * a.y + 3 * u * u * t * a.y + 3 * u * t * t * b.y + t ** 3 * b.y;
    points.push([x, y]);
  }
  return points;
}

function polylineDistance(x, y, points, width) {
  let best = Infinity;
  for (let i = 1; i < points.length; i += 1) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    best = Math.min(best, Math.hypot(x - ax - t * vx, y - ay - t * vy));
  }
  return best - width / 2;
}

const exit = { x: trigger.x + trigger.w, y: trigger.y };
const upperPath = curve(exit, { x: upper.x - upper.w, y: upper.y });
const lowerPath = curve(exit, { x: lower.x - lower.w, y: lower.y });

/** RGBA pixels of the icon at `size` × `size`. */
export function drawIcon(size) {
  const pixels = new Uint8Array(size * size * 4);
  // Coverage of a shape from its signed distance: one pixel of anti-aliasing at this size.
  const cover = (distance) => Math.max(0, Math.min(1, 0.5 - distance * size));
  // Small icons get thicker strokes, so the paths survive at 16 px.
  const stroke = Math.max(0.045, 1.6 / size);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      const alpha = cover(roundedSquare(x, y));
      if (alpha === 0) continue;
      const t = (y - MARGIN) / (1 - 2 * MARGIN);
      let color = TOP.map((top, i) => top + (BOTTOM[i] - top) * Math.max(0, Math.min(1, t)));
      const layers = [
        // One layer for both paths, so their overlap at the fork is not painted twice.
        [
          cover(
            Math.min(
              polylineDistance(x, y, upperPath, stroke),
              polylineDistance(x, y, lowerPath, stroke),
            ),
          ),
          WHITE,
          0.9,
        ],
        [cover(card(x, y, trigger)), WHITE, 1],
        [cover(card(x, y, upper)), WHITE, 1],
        [cover(card(x, y, lower)), ACCENT, 1],
      ];
      for (const [coverage, paint, opacity] of layers) {
        const a = coverage * opacity;
        if (a > 0) color = color.map((c, i) => c + (paint[i] - c) * a);
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = Math.round(color[0]);
      pixels[offset + 1] = Math.round(color[1]);
      pixels[offset + 2] = Math.round(color[2]);
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

// ---- Containers ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // no filter
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO with PNG-compressed entries (Windows Vista and later read these). */
export function encodeIco(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4); // planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map(({ png }) => png)]);
}

export function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

export function makeIcons(outDir = OUT) {
  const png = new Map(PNG_SIZES.map((size) => [size, encodePng(size, drawIcon(size))]));
  mkdirSync(join(outDir, 'png'), { recursive: true });
  for (const [size, data] of png) writeFileSync(join(outDir, 'png', `${size}x${size}.png`), data);
  writeFileSync(join(outDir, 'icon.png'), png.get(1024));
  writeFileSync(
    join(outDir, 'icon.ico'),
    encodeIco(ICO_SIZES.map((size) => ({ size, png: png.get(size) }))),
  );
  writeFileSync(
    join(outDir, 'icon.icns'),
    encodeIcns(ICNS_ENTRIES.map(([type, size]) => ({ type, png: png.get(size) }))),
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  makeIcons();
}
