import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SwitchableProxy {
  /** http://127.0.0.1:PORT, the same address whether it accepts or refuses. */
  url: string;
  /** From now on every connection is refused (the port is closed), and open ones are cut. */
  refuse(): Promise<void>;
  accept(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of a server, that can stop listening and start again on the same port: a
 * server (or a router) that goes down between the customer's scan and the press of the button, then
 * comes back.
 */
export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(targetPort), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) resolve();
      else server.close(() => resolve());
    });
  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refuse: stop,
    async accept() {
      if (!server.listening) await listen(port);
    },
    close: stop,
  };
}
