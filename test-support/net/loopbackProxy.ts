import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxyOptions {
  /** The `Proxy-Authorization` value to demand; anything else is answered 407. */
  authorization?: string;
  /** Answer every CONNECT with this status instead of opening the tunnel. */
  connectStatus?: number;
}

export interface LoopbackProxy {
  url: string;
  port: number;
  /** What came through, in order: `CONNECT 127.0.0.1:1234` or `POST http://127.0.0.1:1234/x`. */
  seen: string[];
  close(): Promise<void>;
}

/**
 * A real HTTP proxy on 127.0.0.1, as small as a shop's: CONNECT tunnels for https, absolute-URI
 * forwarding for http, answering 502 when the server drops the line as squid does.
 */
export async function startLoopbackProxy(options: ProxyOptions = {}): Promise<LoopbackProxy> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const allowed = (request: http.IncomingMessage): boolean =>
    options.authorization === undefined || request.headers['proxy-authorization'] === options.authorization;

  const server = http.createServer((request, response) => {
    seen.push(`${request.method ?? ''} ${request.url ?? ''}`);
    if (!allowed(request)) {
      response.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="shop"' }).end();
      return;
    }
    let target: URL;
    try {
      target = new URL(request.url ?? '');
    } catch {
      response.writeHead(400).end();
      return;
    }
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: request.method, headers, agent: false },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
      else response.destroy();
    });
    request.pipe(upstream);
  });

  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${request.url ?? ''}`);
    if (!allowed(request)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="shop"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (options.connectStatus !== undefined) {
      client.end(`HTTP/1.1 ${options.connectStatus} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host = '', port = ''] = (request.url ?? '').split(/:(?=\d+$)/);
    const upstream = net.connect({ host: host.replace(/^\[(.*)\]$/, '$1'), port: Number(port) });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
