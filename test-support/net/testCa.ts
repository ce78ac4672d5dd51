import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestPki {
  /** The root a shop's IT (or its antivirus) installs in the OS store: trusted by nothing else. */
  caCert: string;
  key: Buffer;
  /** For 127.0.0.1, signed by the root above. */
  cert: Buffer;
}

/** A private root and a server certificate under it, made with the openssl on PATH. */
export function privateCaServerCert(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'skidkabot-ca-'));
  const file = (name: string): string => path.join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore' });
  };
  try {
    openssl(
      'req', '-x509', '-nodes', '-days', '2',
      '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
      '-subj', '/CN=Shop Test Root', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-keyout', file('ca.key'), '-out', file('ca.pem'),
    );
    openssl(
      'req', '-new', '-nodes',
      '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
      '-subj', '/CN=127.0.0.1', '-keyout', file('server.key'), '-out', file('server.csr'),
    );
    writeFileSync(file('ext.cnf'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
    openssl(
      'x509', '-req', '-days', '2', '-in', file('server.csr'),
      '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
      '-extfile', file('ext.cnf'), '-out', file('server.pem'),
    );
    return { caCert: readFileSync(file('ca.pem'), 'utf8'), key: readFileSync(file('server.key')), cert: readFileSync(file('server.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
