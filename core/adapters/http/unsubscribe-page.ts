/** The small pages of the one-click unsubscribe flow; no scripts, no outside resources. */

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `a***@example.com`: enough to recognise one's own address, not to read it off a screen. */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at <= 0)
    return address.length <= 4 ? '****' : `${address.slice(0, 2)}***${address.slice(-2)}`;
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}
button{font:inherit;padding:.5rem 1.25rem;border-radius:.4rem;border:1px solid #444;background:#222;color:#fff;cursor:pointer}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

/** GET: asks before unsubscribing, so a link scanner that follows links changes nothing. */
export function confirmPage(address: string): string {
  return page(
    'Unsubscribe',
    `<p>Stop sending messages to <strong>${escape(maskAddress(address))}</strong>?</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
  );
}

export function donePage(address: string): string {
  return page(
    'You are unsubscribed',
    `<p>No more messages will be sent to <strong>${escape(maskAddress(address))}</strong>.</p>`,
  );
}

export function invalidLinkPage(): string {
  return page(
    'This link is not valid',
    '<p>The unsubscribe link is incomplete or has been altered. Use the link from the message as it is.</p>',
  );
}

/** The headers of every unsubscribe page: nothing runs, nothing frames it, no referrer leaks. */
export const UNSUBSCRIBE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};
