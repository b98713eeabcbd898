import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A throw-away certificate for localhost (openssl), written as key.pem and cert.pem in `dir`. */
export function selfSignedCertificate(dir: string): { key: string; cert: string } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-days',
      '1',
    ].concat(['-keyout', key, '-out', cert]),
    { stdio: 'ignore' },
  );
  return { key, cert };
}
