/**
 * A TCP proxy on 127.0.0.1 whose line can be cut and restored: how tests take one client
 * off the network (its open connections are reset, new ones refused) while the server and
 * everyone else stay up. Used by the team copy's tests and the offline e2e test.
 */
import net from 'node:net';

export interface CuttableProxy {
  /** The proxy's port: the client is given 127.0.0.1:port instead of the server's. */
  port: number;
  readonly cut: boolean;
  /** Resets every open connection and refuses new ones until `restore`. */
  cutLine(): void;
  restore(): void;
  close(): Promise<void>;
}

/** `target`: the server's port, or how to learn it (the server may start after the proxy, to be told the proxy's address). */
export async function startCuttableProxy(target: number | (() => number), listenPort = 0): Promise<CuttableProxy> {
  let cut = false;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (cut) return void client.resetAndDestroy();
    const upstream = net.connect(typeof target === 'number' ? target : target(), '127.0.0.1');
    open.add(client).add(upstream);
    const end = () => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    get cut() {
      return cut;
    },
    cutLine() {
      cut = true;
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    restore() {
      cut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
