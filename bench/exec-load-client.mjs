// The load generator of the event API benchmarks, in a process of its own:
// node bench/exec-load-client.mjs <url> <token> <connections> <seconds> <batch size, 0: single track>
// Plain keep-alive connections, one request at a time each; the response is read with just
// enough HTTP to find its end. A load generator must cost little, or it measures itself.
import net from 'node:net';

const [url, token, connections, seconds, batch] = process.argv.slice(2);
const target = new URL(url);
const batchSize = Number(batch);
const path = batchSize > 0 ? '/v1/batch' : '/v1/track';
const end = Date.now() + Number(seconds) * 1000;
let requests = 0;
let events = 0;
let failed = 0;
let n = 0;
const latencies = [];

function call(i) {
  return {
    userId: `u${i % 50000}`,
    event: i % 10 === 0 ? 'purchase' : 'cart',
    properties: { item: `sku-${i}`, price: i % 100 },
  };
}

function request() {
  let text;
  let count;
  if (batchSize > 0) {
    const list = [];
    for (let k = 0; k < batchSize; k++) list.push({ type: 'track', ...call(n++) });
    text = JSON.stringify({ batch: list });
    count = list.length;
  } else {
    text = JSON.stringify(call(n++));
    count = 1;
  }
  const head =
    `POST ${path} HTTP/1.1\r\nHost: ${target.host}\r\nAuthorization: Bearer ${token}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n`;
  return { bytes: head + text, count };
}

function connection() {
  return new Promise((resolve) => {
    const socket = net.connect(Number(target.port), target.hostname);
    socket.setNoDelay(true);
    let buffer = '';
    let pending;
    let started = 0;
    const next = () => {
      if (Date.now() >= end) {
        socket.end();
        resolve();
        return;
      }
      pending = request();
      started = performance.now();
      socket.write(pending.bytes);
    };
    socket.on('connect', next);
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        const headEnd = buffer.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const length = Number(/content-length: *(\d+)/i.exec(buffer.slice(0, headEnd))?.[1] ?? 0);
        if (buffer.length < headEnd + 4 + length) return;
        const ok = buffer.startsWith('HTTP/1.1 200');
        buffer = buffer.slice(headEnd + 4 + length);
        if (ok) {
          requests++;
          events += pending.count;
          latencies.push(performance.now() - started);
        } else failed++;
        next();
      }
    });
    socket.on('error', () => {
      failed++;
      resolve();
    });
  });
}

const t0 = performance.now();
await Promise.all(Array.from({ length: Number(connections) }, connection));
const taken = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
process.stdout.write(
  JSON.stringify({ requests, events, failed, seconds: taken, p50: pct(0.5), p99: pct(0.99) }),
);
