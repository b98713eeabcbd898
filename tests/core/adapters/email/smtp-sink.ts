import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpReply {
  code: number;
  message: string;
}

/**
 * A real SMTP server on loopback (smtp-server), recording what it accepts. `reply` decides the
 * answer to each message after DATA: undefined accepts it, a reply refuses it with that code.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Messages refused, with the code given. */
  readonly refused: { raw: string; code: number }[] = [];
  reply: (raw: string, attempt: number) => SmtpReply | undefined = () => undefined;
  private server: SMTPServer | undefined;
  private attempts = 0;
  port = 0;

  async start(port = 0): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const reply = this.reply(raw, ++this.attempts);
          if (reply) {
            this.refused.push({ raw, code: reply.code });
            const error = Object.assign(new Error(reply.message), { responseCode: reply.code });
            callback(error);
            return;
          }
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      },
    });
    // A client killed mid-session resets its connection: nothing to report.
    server.on('error', () => undefined);
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as { port: number }).port;
    return this.port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
