/**
 * Images of the library: how a design refers to one, and what makes a file usable in email.
 * Pure: the bytes come in from the adapters (or the renderer), and only their header is read.
 */

const LIBRARY = 'library:';

/** The `src` a design gives a library image. */
export function librarySrc(id: string): string {
  return `${LIBRARY}${id}`;
}

/** The library image id of a design's `src`, or undefined for an address. */
export function libraryImageId(src: string): string | undefined {
  return src.startsWith(LIBRARY) ? src.slice(LIBRARY.length) : undefined;
}

/** The largest image file the library takes: email should stay light, and CID images travel in every message. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** The longest side the library takes; an email is 600 px wide, 2× for sharp screens is plenty. */
export const MAX_IMAGE_SIDE = 4000;

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif';

export interface ImageFacts {
  type: ImageType;
  width: number;
  height: number;
}

/**
 * The facts of an image problem, by its code, for an app that words it in its own language:
 * `size` and `limit` in megabytes (one decimal), `width`, `height` and `max` in pixels.
 */
export type ImageProblemValues =
  | { problem: 'image-too-large'; name: string; size: number; limit: number }
  | { problem: 'image-too-wide'; name: string; width: number; height: number; max: number }
  | { problem: 'image-unreadable' | 'image-empty'; name: string };

/** Why a file cannot go into the library, in words a marketer understands, with a stable code. */
export interface ImageProblem {
  code: ImageProblemValues['problem'];
  message: string;
  values: ImageProblemValues;
}

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}
function u32be(b: Uint8Array, i: number): number {
  return (
    (((b[i] ?? 0) << 24) >>> 0) +
    (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0))
  );
}
function u16le(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function png(b: Uint8Array): ImageFacts | undefined {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || !sig.every((v, i) => b[i] === v)) return undefined;
  // The first chunk must be IHDR, with width and height.
  if (String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0) !== 'IHDR')
    return undefined;
  return { type: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
}

function gif(b: Uint8Array): ImageFacts | undefined {
  const head = String.fromCharCode(...b.slice(0, 6));
  if (b.length < 10 || (head !== 'GIF87a' && head !== 'GIF89a')) return undefined;
  return { type: 'image/gif', width: u16le(b, 6), height: u16le(b, 8) };
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(b: Uint8Array): ImageFacts | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  // Walk the segments to the frame header; each step moves forward, so the loop ends.
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = u16be(b, i + 2);
    if (SOF.has(marker))
      return { type: 'image/jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    if (length < 2) return undefined;
    i += 2 + length;
  }
  return undefined;
}

/** The type and size of a PNG, JPEG or GIF from its header, or undefined when it is none of them. */
export function readImageFacts(bytes: Uint8Array): ImageFacts | undefined {
  return png(bytes) ?? jpeg(bytes) ?? gif(bytes);
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Megabytes to one decimal, as `megabytes` says them. */
function megabytesOf(n: number): number {
  return Number((n / 1024 / 1024).toFixed(1));
}

/**
 * Checks a file picked for the library: small enough for email, a PNG, JPEG or GIF that can be
 * read, with sides in range. Returns its facts, or the problem.
 */
export function checkImage(
  name: string,
  bytes: Uint8Array,
): { ok: true; facts: ImageFacts } | { ok: false; problem: ImageProblem } {
  if (bytes.length === 0)
    return {
      ok: false,
      problem: {
        code: 'image-empty',
        message: `"${name}" is empty.`,
        values: { problem: 'image-empty', name },
      },
    };
  if (bytes.length > MAX_IMAGE_BYTES)
    return { ok: false, problem: imageTooLarge(name, bytes.length) };
  const facts = readImageFacts(bytes);
  if (!facts || facts.width < 1 || facts.height < 1)
    return {
      ok: false,
      problem: {
        code: 'image-unreadable',
        message: `"${name}" is not a PNG, JPEG or GIF image that can be read (the file may be damaged). Email programs show only these three; export it again as one of them.`,
        values: { problem: 'image-unreadable', name },
      },
    };
  if (facts.width > MAX_IMAGE_SIDE || facts.height > MAX_IMAGE_SIDE)
    return {
      ok: false,
      problem: {
        code: 'image-too-wide',
        message: `"${name}" is ${facts.width} × ${facts.height} pixels; images up to ${MAX_IMAGE_SIDE} pixels a side can be used. An email is 600 pixels wide: 1200 pixels is plenty for sharp screens.`,
        values: {
          problem: 'image-too-wide',
          name,
          width: facts.width,
          height: facts.height,
          max: MAX_IMAGE_SIDE,
        },
      },
    };
  return { ok: true, facts };
}

/** The problem of a file over the size limit, also for a check made before reading it. */
export function imageTooLarge(name: string, size: number): ImageProblem {
  return {
    code: 'image-too-large',
    message: `"${name}" is ${megabytes(size)}; images up to ${megabytes(MAX_IMAGE_BYTES)} can be used in email. Save it smaller (1200 pixels wide, JPEG) and pick it again.`,
    values: {
      problem: 'image-too-large',
      name,
      size: megabytesOf(size),
      limit: megabytesOf(MAX_IMAGE_BYTES),
    },
  };
}
