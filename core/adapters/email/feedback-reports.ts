import { simpleParser } from 'mailparser';

/**
 * What one email in the feedback mailbox says: a hard bounce (a delivery status notification,
 * RFC 3464), a complaint (an abuse report in the Abuse Reporting Format, RFC 5965), or an
 * unsubscribe sent to a `mailto:` link (RFC 2369), carrying the signed token of the link.
 */
export type Feedback =
  | {
      kind: 'bounce';
      address: string;
      status: string;
      detail: string;
      /** The outbox key of the message that bounced (`X-Journey-Studio-Key`), when returned. */
      key?: string;
    }
  | { kind: 'complaint'; address?: string; feedbackType: string; key?: string }
  | { kind: 'unsubscribe'; token: string };

/** The header blocks of a report part (`Name: value`, blocks split by blank lines). */
function fieldBlocks(text: string): Map<string, string>[] {
  const unfolded = text.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ');
  return unfolded
    .split(/\n\s*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0)
          fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

/** `rfc822; Ann@Example.com` → `ann@example.com`. */
function addressOf(field: string | undefined): string | undefined {
  const value = field?.split(';').pop()?.trim().replace(/^<|>$/g, '');
  return value && value.includes('@') ? value.toLowerCase() : undefined;
}

interface Part {
  type: string;
  text: string;
}

/**
 * The parts of a `multipart/report` (RFC 6522), each with its type and decoded text. The mail
 * parser folds the report's own parts into the text, so they are split here by the boundary.
 */
function reportParts(raw: string, boundary: string): Part[] {
  const parts: Part[] = [];
  const sections = raw.split(
    new RegExp(`\r?\n--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?`),
  );
  for (const section of sections.slice(1)) {
    const split = /\r?\n\r?\n/.exec(section);
    if (!split) continue;
    const head = section.slice(0, split.index).replace(/\r?\n[ \t]+/g, ' ');
    let body = section.slice(split.index + split[0].length);
    const type = /^content-type:\s*([^;\s]+)/im.exec(head)?.[1]?.toLowerCase() ?? 'text/plain';
    const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
    if (encoding === 'base64')
      body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    else if (encoding === 'quoted-printable')
      body = body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    parts.push({ type, text: body });
  }
  return parts;
}

function partOf(parts: readonly Part[], ...types: string[]): Part | undefined {
  return parts.find((part) => types.includes(part.type));
}

/** The outbox key in the returned copy of the original message, or its headers. */
function originalKey(parts: readonly Part[]): string | undefined {
  const original = partOf(parts, 'message/rfc822', 'text/rfc822-headers');
  return /^X-Journey-Studio-Key:\s*(\S+)/im.exec(original?.text ?? '')?.[1];
}

/** A signed unsubscribe token (`<payload>.<signature>`, both base64url) in a text. */
const TOKEN = /\b([A-Za-z0-9_-]{16,})\.([A-Za-z0-9_-]{43})\b/;

/** Reads one raw email of the feedback mailbox; what it does not recognise gives nothing. */
export async function readFeedback(raw: Buffer): Promise<Feedback[]> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextLinks: true });
  const type = mail.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  const reportType = type?.value === 'multipart/report' ? type.params?.['report-type'] : undefined;
  const boundary = type?.params?.boundary;
  const attachments = reportType && boundary ? reportParts(raw.toString('utf8'), boundary) : [];
  if (reportType === 'delivery-status') {
    const status = partOf(attachments, 'message/delivery-status', 'message/global-delivery-status');
    if (!status) return [];
    const key = originalKey(attachments);
    const out: Feedback[] = [];
    // The first block is about the message; the others, one per recipient.
    for (const fields of fieldBlocks(status.text).slice(1)) {
      const code = fields.get('status') ?? '';
      if (fields.get('action')?.toLowerCase() !== 'failed' || !code.startsWith('5')) continue;
      const address = addressOf(fields.get('final-recipient') ?? fields.get('original-recipient'));
      if (!address) continue;
      const diagnostic = fields.get('diagnostic-code')?.split(';').pop()?.trim();
      out.push({
        kind: 'bounce',
        address,
        status: code,
        detail: diagnostic ? `${code} ${diagnostic}` : code,
        ...(key && { key }),
      });
    }
    return out;
  }
  if (reportType === 'feedback-report') {
    const report = partOf(attachments, 'message/feedback-report');
    if (!report) return [];
    const fields = fieldBlocks(report.text)[0] ?? new Map<string, string>();
    const key = originalKey(attachments);
    const address = addressOf(fields.get('original-rcpt-to'));
    return [
      {
        kind: 'complaint',
        feedbackType: fields.get('feedback-type') ?? 'abuse',
        ...(address && { address }),
        ...(key && { key }),
      },
    ];
  }
  const token = TOKEN.exec(`${mail.subject ?? ''}\n${mail.text ?? ''}`);
  return token ? [{ kind: 'unsubscribe', token: `${token[1]}.${token[2]}` }] : [];
}
