import type { Server } from 'node:http';

/**
 * SES v2 for the twin: aws-ses-v2-local, whose web page is an inbox where a person reads the staff and family
 * emails and clicks their links. `GET /store` lists the emails as JSON (tests read it). Emails live in memory.
 */
export const startSesLocal = async (port?: number): Promise<{ url: string; stop: () => Promise<void> }> => {
  const { default: server } = (await import('aws-ses-v2-local')) as unknown as {
    default: (c: { host: string; port: number }) => Promise<Server>;
  };
  const s = await server({ host: '127.0.0.1', port: port ?? 0 });
  const address = s.address();
  const p = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${p}`,
    stop: () =>
      new Promise((r) => {
        s.closeAllConnections?.();
        s.close(() => r());
      }),
  };
};
