import { createServer, type Server, type Socket } from 'node:net';

/** A message in the test mailbox. */
export interface StoredMail {
  uid: number;
  raw: string;
  seen: boolean;
}

/**
 * A small IMAP server for tests only: one account, one mailbox (INBOX), plain text on
 * 127.0.0.1. It answers what an IMAP client needs to log in, select, search unseen messages,
 * fetch them whole and mark them seen (RFC 3501), and records the commands it was sent.
 */
export class ImapTestServer {
  readonly mails: StoredMail[] = [];
  readonly commands: string[] = [];
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly user: string,
    private readonly password: string,
  ) {}

  add(raw: string): void {
    this.mails.push({
      uid: this.mails.length + 1,
      raw: raw.replace(/\r?\n/g, '\r\n'),
      seen: false,
    });
  }

  async start(): Promise<void> {
    this.server = createServer((socket) => this.session(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private session(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const send = (line: string) => socket.write(`${line}\r\n`);
    send('* OK [CAPABILITY IMAP4rev1] test server ready');
    let buffer = '';
    let authenticated = false;
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const [tag = '*', ...rest] = line.split(' ');
        const command = rest.join(' ');
        this.commands.push(command.replace(/^LOGIN .*/i, 'LOGIN ***'));
        const verb = (rest[0] ?? '').toUpperCase();
        const argument = rest.slice(1).join(' ');
        if (verb === 'CAPABILITY') {
          send('* CAPABILITY IMAP4rev1');
          send(`${tag} OK CAPABILITY completed`);
        } else if (verb === 'LOGIN') {
          const [user, password] = [...argument.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map(
            (m) => m[1] ?? m[2],
          );
          authenticated = user === this.user && password === this.password;
          send(
            authenticated
              ? `${tag} OK LOGIN completed`
              : `${tag} NO [AUTHENTICATIONFAILED] wrong user or password`,
          );
        } else if (!authenticated && verb !== 'LOGOUT' && verb !== 'NOOP') {
          send(`${tag} BAD log in first`);
        } else if (verb === 'SELECT' || verb === 'EXAMINE') {
          send(`* ${this.mails.length} EXISTS`);
          send('* 0 RECENT');
          send('* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)');
          send('* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)] flags');
          send('* OK [UIDVALIDITY 7] UIDs valid');
          send(`* OK [UIDNEXT ${this.mails.length + 1}] next`);
          send(`${tag} OK [READ-WRITE] SELECT completed`);
        } else if (verb === 'UID' && /^SEARCH/i.test(argument)) {
          const unseen = /UNSEEN/i.test(argument);
          const uids = this.mails.filter((m) => !unseen || !m.seen).map((m) => m.uid);
          send(`* SEARCH${uids.map((u) => ` ${u}`).join('')}`);
          send(`${tag} OK SEARCH completed`);
        } else if (verb === 'UID' && /^FETCH/i.test(argument)) {
          for (const mail of this.selected(argument.split(' ')[1] ?? '')) {
            const seq = this.mails.indexOf(mail) + 1;
            const bytes = Buffer.byteLength(mail.raw);
            socket.write(`* ${seq} FETCH (UID ${mail.uid} BODY[] {${bytes}}\r\n${mail.raw})\r\n`);
          }
          send(`${tag} OK FETCH completed`);
        } else if (verb === 'UID' && /^STORE/i.test(argument)) {
          const [, set = '', how = ''] = argument.split(' ');
          for (const mail of this.selected(set))
            if (/\\Seen/i.test(argument)) mail.seen = !how.startsWith('-');
          send(`${tag} OK STORE completed`);
        } else if (verb === 'LOGOUT') {
          send('* BYE logging out');
          send(`${tag} OK LOGOUT completed`);
          socket.end();
        } else {
          send(`${tag} OK ${verb} completed`);
        }
      }
    });
  }

  /** The messages a UID set names: `1,3:5`, `2:*`. */
  private selected(set: string): StoredMail[] {
    const last = this.mails.length;
    const wanted = new Set<number>();
    for (const part of set.split(',')) {
      const [from, to] = part.split(':');
      const a = from === '*' ? last : Number(from);
      const b = to === undefined ? a : to === '*' ? last : Number(to);
      for (let uid = Math.min(a, b); uid <= Math.max(a, b); uid++) wanted.add(uid);
    }
    return this.mails.filter((m) => wanted.has(m.uid));
  }
}
