/**
 * An email body inside a minimal page, so a sandboxed frame (`sandbox=""`: no scripts, no
 * forms, no navigation of this page) shows it as a mail client would.
 */
export function emailDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2937;margin:16px;}a{color:#2563eb;}img{max-width:100%;}</style></head><body>${html}</body></html>`;
}
