import { createServer } from 'node:net';

/** Fails fast, before anything is started or seeded, when the API port is taken. */
export const assertPortFree = (port: number, host = '127.0.0.1'): Promise<void> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use (is another twin running?). Stop it or start with PORT=<another port>.`
            : error.message,
        ),
      ),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });

/** Ports this process handed out: the OS may offer a just-closed port again, to another concurrent caller. */
const handedOut = new Set<number>();

/** A free TCP port on loopback, chosen by the OS, never the same twice in this process. */
export const freePort = async (): Promise<number> => {
  for (let i = 0; i < 50; i += 1) {
    const port = await osPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('No free port found');
};

const osPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/** Thrown from a `waitFor` check when waiting longer cannot help (the process already exited). */
export class GiveUp extends Error {}

/** Polls until `check` resolves, or fails after `timeoutMs` with the last error, or at once on GiveUp. */
export const waitFor = async (what: string, check: () => Promise<unknown>, timeoutMs = 30_000, intervalMs = 100): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await check();
      return;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      last = error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
  throw new Error(`${what} did not become ready in ${timeoutMs} ms: ${String(last)}`);
};
