import { describe, expect, it } from 'vitest';
import { CsvRecordReader } from '../../../core/import/csv-records';

type Found = { line: number; endLine?: number; cells?: string[]; broken?: string };

function read(chunks: readonly string[]): Found[] {
  const found: Found[] = [];
  const reader = new CsvRecordReader({
    record: (cells, line, endLine) => found.push({ line, endLine, cells: [...cells] }),
    broken: (line, reason) => found.push({ line, broken: reason }),
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return found;
}

/** Every way of cutting `text` in two, and one character at a time. */
function cuts(text: string): string[][] {
  const all = [[text], [...text]];
  for (let at = 1; at < text.length; at++) all.push([text.slice(0, at), text.slice(at)]);
  return all;
}

const TRICKY = [
  'id,note,n\r\n',
  '1,"a, ""quoted""\r\nvalue",2\r\n',
  '\r\n',
  '2,,\n',
  '   \n',
  '3,5" screen,"x"\n',
  '4,"",""\n',
  '5,"multi\n\nline",\n',
  '6,last,"no newline at the end"',
].join('');

describe('CsvRecordReader', () => {
  it('splits RFC 4180 records and knows the line each starts and ends on', () => {
    expect(read([TRICKY])).toEqual([
      { line: 1, endLine: 1, cells: ['id', 'note', 'n'] },
      { line: 2, endLine: 3, cells: ['1', 'a, "quoted"\r\nvalue', '2'] },
      { line: 5, endLine: 5, cells: ['2', '', ''] },
      { line: 7, endLine: 7, cells: ['3', '5" screen', 'x'] },
      { line: 8, endLine: 8, cells: ['4', '', ''] },
      { line: 9, endLine: 11, cells: ['5', 'multi\n\nline', ''] },
      { line: 12, endLine: 12, cells: ['6', 'last', 'no newline at the end'] },
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const whole = read([TRICKY]);
    for (const chunks of cuts(TRICKY)) expect(read(chunks)).toEqual(whole);
  });

  it('reports text after a closing quote as a broken row and goes on', () => {
    for (const chunks of cuts('a,b\n"x"y,1\nc,d\n')) {
      expect(read(chunks)).toEqual([
        { line: 1, endLine: 1, cells: ['a', 'b'] },
        { line: 2, broken: expect.stringMatching(/^Text follows a closing quote/) as unknown },
        { line: 3, endLine: 3, cells: ['c', 'd'] },
      ]);
    }
  });

  it('reports a quote never closed on its line and reads the following lines again', () => {
    for (const chunks of cuts('a,b\n1,"open\n2,x\n3,y')) {
      expect(read(chunks)).toEqual([
        { line: 1, endLine: 1, cells: ['a', 'b'] },
        { line: 2, broken: expect.stringMatching(/never closed/) as unknown },
        { line: 3, endLine: 3, cells: ['2', 'x'] },
        { line: 4, endLine: 4, cells: ['3', 'y'] },
      ]);
    }
  });

  it('reads nothing from blank text', () => {
    expect(read(['', '\n\r\n  \n'])).toEqual([]);
  });
});
