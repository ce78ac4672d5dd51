import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A body, or a body with the Content-Type it is served with (none when not given). */
export type ServedFile = string | Buffer | { type: string; body: string | Buffer };

export interface FileServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  close: () => Promise<void>;
}

/**
 * A static file server on loopback: URL path → file, anything else 404 with a small HTML page, as a
 * web server's missing file reads. `files` is a function for tests that change what is served
 * between cases on one server.
 */
export async function serveFiles(files: Record<string, ServedFile> | (() => Record<string, ServedFile>)): Promise<FileServer> {
  const server = http.createServer((request, response) => {
    const served = typeof files === 'function' ? files() : files;
    const file = served[new URL(request.url ?? '/', 'http://x').pathname];
    if (file === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    const { type, body } = typeof file === 'string' || Buffer.isBuffer(file) ? { type: undefined, body: file } : file;
    response.writeHead(200, { ...(type === undefined ? {} : { 'Content-Type': type }), 'Content-Length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
