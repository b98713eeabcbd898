import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where the event API serves the library's images for emails that link them: `/i/<id>`. */
export const IMAGE_PATH = '/i/';

/** A library image as the route serves it. */
export type ServedImage = { type: string; data: Uint8Array } | undefined;

/**
 * Answers `GET /i/<id>` with a library image, for emails sent while the library has a public
 * address (mail programs fetch images without any token). Ids are content hashes, so an image
 * never changes under its address and may be cached for long; only images are served.
 */
export function serveImage(
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  image: (id: string) => ServedImage,
): void {
  const found = /^img-[0-9a-f]{16}$/.test(id) ? image(id) : undefined;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Use GET.');
    return;
  }
  if (!found || !/^image\/(png|jpeg|gif)$/.test(found.type)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('There is no such image.');
    return;
  }
  res.writeHead(200, {
    'content-type': found.type,
    'content-length': found.data.length,
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(found.data));
}
