// A local SMTP server for the delivery benchmark, in a process of its own (as a real one would
// be): accepts every message, and prints how many it got when told to stop.
// node bench/exec-smtp-sink.mjs  → prints its port, then on stdin "stop" prints the count.
import { SMTPServer } from 'smtp-server';

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received++;
      callback();
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.server.address().port}\n`);
});
process.stdin.on('data', () => {
  process.stdout.write(`${received}\n`);
  server.close(() => process.exit(0));
});
