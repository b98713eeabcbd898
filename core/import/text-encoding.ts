/** The text encodings an imported file can be read in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Something about how a file's text was read that the user should check. */
export interface EncodingWarning {
  readonly code: 'encoding-latin1' | 'undecodable-text';
  readonly message: string;
  /** The facts of the message, for words in another language: the byte where bad text starts. */
  readonly values: Readonly<Record<string, number>>;
}

type Decoder = InstanceType<typeof TextDecoder>;

/** How much of the start of a file decides its encoding. */
const SNIFF_BYTES = 4096;

const LATIN1_WARNING: EncodingWarning = {
  code: 'encoding-latin1',
  message:
    'This file is not UTF-8, so it was read as Latin-1 (Western European). Check that letters such as å, ä, ö, æ and ø look right; saving the file as UTF-8 avoids the guess.',
  values: {},
};

/**
 * UTF-16 without a byte order mark: text in Latin letters has a zero in every other byte. Most
 * characters of a CSV or JSON file are Latin letters, digits and punctuation, so at least a third
 * of the bytes on one side being zero, and almost none on the other, says which order.
 */
function utf16Order(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs / 3 && evenZeros <= pairs / 50) return 'utf-16le';
  if (evenZeros >= pairs / 3 && oddZeros <= pairs / 50) return 'utf-16be';
  return undefined;
}

function isUtf8(head: Uint8Array): boolean {
  try {
    // `stream` so that a character cut at the end of the sample is not taken for an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a file from its first bytes: a byte order mark when there is one (UTF-8,
 * UTF-16 LE or BE), else UTF-16 by its zero bytes, else UTF-8 when the bytes are valid UTF-8, and
 * Latin-1 (as Windows-1252, the superset every browser reads for it) when they are not.
 * `skip` is the length of the byte order mark.
 */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const order = utf16Order(head.subarray(0, SNIFF_BYTES));
  if (order) return { encoding: order, skip: 0 };
  return { encoding: isUtf8(head.subarray(0, SNIFF_BYTES)) ? 'utf-8' : 'windows-1252', skip: 0 };
}

/**
 * Decodes a file's bytes chunk by chunk in the encoding its start shows (`sniffEncoding`), and
 * notes what the user should check: a guessed Latin-1, or bytes further on that are not UTF-8
 * after all (those become “�”, and the warning says from which byte).
 */
export class TextStreamDecoder {
  encoding: TextEncoding | undefined;
  readonly warnings: EncodingWarning[] = [];
  private decoder: Decoder | undefined;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Bytes decoded so far, to say where undecodable text starts. */
  private offset = 0;

  /** Text for the bytes so far; the first few kilobytes are held until the encoding is known. */
  decode(chunk: Uint8Array): string {
    if (this.decoder) return this.decodeChunk(chunk);
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    return this.pendingBytes >= SNIFF_BYTES ? this.start() : '';
  }

  /** The text still held, at the end of the file. */
  end(): string {
    let text = this.decoder ? '' : this.start();
    const decoder = this.decoder as Decoder;
    try {
      text += decoder.decode();
    } catch {
      this.undecodable();
      text += '\uFFFD';
    }
    return text;
  }

  private start(): string {
    const head = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const piece of this.pending) {
      head.set(piece, at);
      at += piece.byteLength;
    }
    this.pending = [];
    const { encoding, skip } = sniffEncoding(head);
    this.encoding = encoding;
    if (encoding === 'windows-1252') this.warnings.push(LATIN1_WARNING);
    // UTF-8 is read strictly, so that a file that stops being UTF-8 further on is noticed.
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
    this.offset = skip;
    return this.decodeChunk(head.subarray(skip));
  }

  private decodeChunk(chunk: Uint8Array): string {
    const decoder = this.decoder as Decoder;
    const from = this.offset;
    this.offset += chunk.byteLength;
    try {
      return decoder.decode(chunk, { stream: true });
    } catch {
      // Not UTF-8 after all: read on leniently. The bytes of a character cut at the chunk's
      // start are lost with the strict decoder's state; they were not UTF-8 either.
      this.undecodable(from + firstInvalidUtf8(chunk));
      this.decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      return this.decoder.decode(chunk, { stream: true });
    }
  }

  private undecodable(at = this.offset): void {
    this.warnings.push({
      code: 'undecodable-text',
      message: `Part of this file is not UTF-8 (from byte ${at}): those characters show as “�”. Save the file as UTF-8 and import it again.`,
      values: { byte: at },
    });
  }
}

/** Where the first byte that cannot be UTF-8 is in a chunk (its length when none is found). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const size =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) {
      const next = bytes[i + k];
      if (next === undefined) return bytes.length;
      if ((next & 0xc0) !== 0x80) return i;
    }
    i += size;
  }
  return bytes.length;
}

/** A whole file's text, its encoding and what to check, for a file already in memory. */
export function decodeFileText(bytes: Uint8Array): {
  text: string;
  encoding: TextEncoding;
  warnings: EncodingWarning[];
} {
  const decoder = new TextStreamDecoder();
  const text = decoder.decode(bytes) + decoder.end();
  return { text, encoding: decoder.encoding ?? 'utf-8', warnings: decoder.warnings };
}
