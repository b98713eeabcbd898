export const PNG_SIZES: number[];
export const ICO_SIZES: number[];
export const ICNS_ENTRIES: [string, number][];
export function drawIcon(size: number): Uint8Array;
export function crc32(bytes: Uint8Array): number;
export function encodePng(size: number, rgba: Uint8Array): Buffer;
export function makeIcons(outDir?: string): void;
