/**
 * Import throughput and memory. Run: `npx tsx bench/import.bench.ts` (add `--quick` to skip the
 * 1M-row cases). Generates its data in the system temp folder; prints one line per case.
 *
 * Each run is a child process of its own, so peak RSS (`maxRSS`) belongs to that case, and the
 * JIT starts cold as it does for the command line.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { CsvRecordReader } from '../core/import/csv-records';
import { fileSource } from '../core/adapters/import/file-source';
import { importEvents, importProfiles, loadEvents } from '../core/import/importer';

const DIR = join(tmpdir(), 'journey-studio-import-bench');
const PROFILES_100K = join(DIR, 'profiles-100k.csv');
const EVENTS_100K = join(DIR, 'events-100k.csv');
const EVENTS_1M = join(DIR, 'events-1m.csv');
const EVENTS_1M_NDJSON = join(DIR, 'events-1m.ndjson');

async function write(file: string, header: string, rows: number, row: (i: number) => string) {
  if (existsSync(file)) return;
  const out = createWriteStream(file);
  let buffer = header;
  for (let i = 0; i < rows; i++) {
    buffer += row(i);
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await finished(out);
}

const BRANDS = ['shiseido', 'aqua', '', 'lenovo', 'apple', 'samsung'];
const two = (n: number) => String(n).padStart(2, '0');
/** Shaped like the REES46 export: 9 columns, a 19-digit id, empty brands, prices. */
function reesRow(i: number): string {
  const time = `2019-10-01 ${two(Math.floor(i / 3600) % 24)}:${two(Math.floor(i / 60) % 60)}:${two(i % 60)} UTC`;
  return `${time},${i % 50 ? 'view' : 'cart'},${44600062 + (i % 1000)},2103807459595387724,appliances.environment.water_heater,${BRANDS[i % 6]},${(i % 500) + 0.79},${541312140 + (i % 50000)},72d76fde-8bb3-4e00-8c23-a032dfed${String(i % 1e6).padStart(6, '0')}\n`;
}

async function generate(quick: boolean) {
  mkdirSync(DIR, { recursive: true });
  await write(
    PROFILES_100K,
    'id,email,first_name,last_name,timezone,unsubscribed,score,city\n',
    100_000,
    (i) =>
      `u${i},user${i}@example.com,Anna${i % 97},"Smith, ${i % 13}",Europe/Stockholm,${i % 10 === 0},${i % 1000},${i % 7 ? 'Stockholm' : ''}\n`,
  );
  const reesHeader =
    'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session\n';
  await write(EVENTS_100K, reesHeader, 100_000, reesRow);
  if (quick) return;
  await write(EVENTS_1M, reesHeader, 1_000_000, reesRow);
  await write(EVENTS_1M_NDJSON, '', 1_000_000, (i) => {
    const [time, name, product, category, code, brand, price, user, session] = reesRow(i)
      .trimEnd()
      .split(',');
    return `${JSON.stringify({ userId: user, event: name, timestamp: time, properties: { product_id: Number(product), category_id: category, category_code: code, brand: brand || undefined, price: Number(price), user_session: session } })}\n`;
  });
}

const MAPPING = 'profile_id=user_id,name=event_type,time=event_time';

/** One measured case: returns the number of rows it went through. */
const CASES: Record<string, (file: string) => Promise<number>> = {
  async 'csv-parse (records only)'(file) {
    let rows = 0;
    const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
    parser.on('readable', () => {
      while (parser.read() !== null) rows++;
    });
    createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parser);
    await finished(parser);
    return rows;
  },
  async 'csv-parse with info (records only)'(file) {
    let rows = 0;
    const parser = parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    });
    parser.on('readable', () => {
      while (parser.read() !== null) rows++;
    });
    createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parser);
    await finished(parser);
    return rows;
  },
  async 'CsvRecordReader (records only)'(file) {
    let rows = 0;
    const reader = new CsvRecordReader({ record: () => rows++, broken: () => rows++ });
    const decoder = new TextDecoder();
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      reader.push(decoder.decode(chunk as Buffer, { stream: true }));
    }
    reader.end();
    return rows;
  },
  async importProfiles(file) {
    return (await importProfiles(fileSource(file), { onRow: () => {} })).imported;
  },
  async importEvents(file) {
    const summary = await importEvents(fileSource(file), { mapping: MAPPING, onRow: () => {} });
    return summary.imported;
  },
  async 'importEvents (Segment NDJSON)'(file) {
    return (await importEvents(fileSource(file), { onRow: () => {} })).imported;
  },
  async 'loadEvents (all kept in memory)'(file) {
    const mapping = file.endsWith('.csv') ? MAPPING : undefined;
    return (await loadEvents(fileSource(file), mapping ? { mapping } : {})).events.length;
  },
};

async function child(name: string, file: string) {
  const run = CASES[name]!;
  const start = performance.now();
  const rows = await run(file);
  const ms = performance.now() - start;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ rows, ms, peakMb }));
}

/** Runs a case `runs` times, each in a fresh process, and prints the fastest run. */
function measure(name: string, file: string, label: string, runs: number) {
  let best: { rows: number; ms: number; peakMb: number } | undefined;
  for (let run = 0; run < runs; run++) {
    const result = spawnSync(
      process.execPath,
      [...process.execArgv, import.meta.filename, '--case', name, file],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
    const figures = JSON.parse(result.stdout) as { rows: number; ms: number; peakMb: number };
    if (!best || figures.ms < best.ms) best = figures;
  }
  const { rows, ms, peakMb } = best!;
  const perSecond = Math.round((rows / ms) * 1000).toLocaleString('en');
  console.log(
    `${`${label}: ${name}`.padEnd(58)} ${rows.toLocaleString('en').padStart(9)} rows ${ms.toFixed(0).padStart(6)} ms ${perSecond.padStart(10)} rows/s  peak RSS ${peakMb.toFixed(0).padStart(5)} MB`,
  );
}

const args = process.argv.slice(2);
if (args[0] === '--case') {
  await child(args[1]!, args[2]!);
} else {
  const quick = args.includes('--quick');
  await generate(quick);
  console.log(
    `Node ${process.version}; data in ${DIR}; each run in a fresh process (cold JIT); 100k cases: best of 3.`,
  );
  for (const name of [
    'csv-parse (records only)',
    'csv-parse with info (records only)',
    'CsvRecordReader (records only)',
    'importProfiles',
  ]) {
    measure(name, PROFILES_100K, 'profiles 100k x 8', 3);
  }
  for (const name of [
    'csv-parse (records only)',
    'CsvRecordReader (records only)',
    'importEvents',
  ]) {
    measure(name, EVENTS_100K, 'events 100k x 9', 3);
  }
  if (!quick) {
    for (const name of [
      'csv-parse (records only)',
      'CsvRecordReader (records only)',
      'importEvents',
      'loadEvents (all kept in memory)',
    ]) {
      measure(name, EVENTS_1M, 'events 1M x 9', 1);
    }
    for (const name of ['importEvents (Segment NDJSON)', 'loadEvents (all kept in memory)']) {
      measure(name, EVENTS_1M_NDJSON, 'events 1M NDJSON', 1);
    }
  }
}
