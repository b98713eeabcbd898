import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { OutboxMessageRecord, SendResult, Transport } from '../../executor/delivery';
import { mailOptions, type MailContext } from './mail-message';

export interface SmtpOptions {
  /**
   * `smtp://user:pass@host:port` or `smtps://…`; options go in the query, e.g.
   * `?tls.rejectUnauthorized=false` for a local relay with a self-signed certificate.
   */
  url: string;
  /** Connections kept open to the server. */
  maxConnections?: number;
  /** Milliseconds to connect, to get the greeting, and of socket silence. */
  timeoutMs?: number;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/**
 * What a failed SMTP attempt means: a 5xx reply is permanent (the server refused this message
 * and would again); a 4xx reply, a timeout or a lost connection is temporary, worth a retry.
 */
export function classifySmtpError(error: unknown): Extract<SendResult, { ok: false }> {
  const e = (error ?? {}) as SmtpError;
  const detail = e.response?.trim() || e.message || String(error);
  if (typeof e.responseCode === 'number')
    return { ok: false, permanent: e.responseCode >= 500, detail };
  return {
    ok: false,
    permanent: e.code === 'ECONFIG',
    detail: e.code ? `${e.code}: ${detail}` : detail,
  };
}

/** Checks an SMTP URL before anything is sent with it; returns a problem, or undefined. */
export function smtpUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL; write it as smtp://host:port`;
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    return `"${url}" must start with smtp:// or smtps://`;
  if (!parsed.hostname) return `"${url}" names no host`;
  return undefined;
}

/** Email over SMTP through a pool of connections, each message with its stable Message-ID. */
export class SmtpTransport implements Transport {
  readonly name = 'smtp';
  private readonly transporter;

  private readonly host: string;

  /**
   * `context` makes outbox messages into mail; a transport for plain mail only goes without.
   * `preflight` may hold every message back (a problem in words): the attempt fails, to be
   * tried again later, and nothing is sent.
   */
  constructor(
    options: SmtpOptions,
    private readonly context?: MailContext,
    private readonly preflight?: (host: string) => string | undefined,
  ) {
    this.host = new URL(options.url).hostname;
    const timeout = options.timeoutMs ?? 30_000;
    this.transporter = nodemailer.createTransport({
      pool: true,
      url: options.url,
      maxConnections: options.maxConnections ?? 5,
      maxMessages: 1000,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(entry: OutboxMessageRecord): Promise<SendResult> {
    const held = this.preflight?.(this.host);
    if (held) return { ok: false, permanent: false, detail: held };
    try {
      if (!this.context) throw new Error('this SMTP transport sends plain mail only');
      return await this.sendMail(mailOptions(entry, this.context));
    } catch (error) {
      return classifySmtpError(error);
    }
  }

  /** Sends one email as it is given (the settings screen's test email); never rejects. */
  async sendMail(mail: SendMailOptions): Promise<SendResult> {
    try {
      const info = await this.transporter.sendMail(mail);
      return { ok: true, detail: String(info.response ?? 'accepted') };
    } catch (error) {
      return classifySmtpError(error);
    }
  }

  close(): void {
    this.transporter.close();
  }
}
