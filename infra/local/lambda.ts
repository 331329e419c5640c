import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FUNCTIONS, type FunctionName } from '../definitions/functions';

/**
 * The twin's Lambda endpoint (AWS_ENDPOINT_URL_LAMBDA): the one call the product makes, `Invoke`
 * (`POST /2015-03-31/functions/{name}/invocations`). `InvocationType: Event` answers 202 at once and runs the
 * function in this process afterwards, retrying twice on error as Lambda does for asynchronous invocations;
 * `RequestResponse` answers the function's result. Function names are the definitions' names (`reconcilePremiums`):
 * the twin sets RECONCILE_FUNCTION_NAME to that name, the stack to the deployed function's.
 */
export const startLambdaEndpoint = async (
  invoke: (name: FunctionName, event: unknown) => Promise<unknown>,
  options: { retryDelayMs?: number } = {},
): Promise<{ server: Server; url: string; stop: () => Promise<void> }> => {
  const running = new Set<Promise<unknown>>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec((req.url ?? '').split('?')[0]!);
      if (req.method !== 'POST' || !match) return reply(404, { Type: 'User', message: 'Unknown operation' });
      const name = decodeURIComponent(match[1]!).split(':').pop()! as FunctionName;
      if (!Object.hasOwn(FUNCTIONS, name))
        return reply(404, { Type: 'User', message: `Function not found: ${name}` }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
      let event: unknown;
      try {
        event = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return reply(
          400,
          { Type: 'User', message: 'Could not parse request body into json' },
          { 'x-amzn-errortype': 'InvalidRequestContentException' },
        );
      }
      if (req.headers['x-amz-invocation-type'] === 'Event') {
        const run = (async () => {
          for (let attempt = 0; attempt < 3; attempt += 1) {
            try {
              return await invoke(name, event);
            } catch (error) {
              console.error(`async invocation of ${name} failed (attempt ${attempt + 1} of 3): ${(error as Error).message}`);
              await new Promise((r) => setTimeout(r, options.retryDelayMs ?? 1000));
            }
          }
        })();
        running.add(run);
        void run.finally(() => running.delete(run));
        res.writeHead(202).end();
        return;
      }
      try {
        return reply(200, (await invoke(name, event)) ?? null, { 'x-amz-executed-version': '$LATEST' });
      } catch (error) {
        const e = error as Error;
        return reply(200, { errorType: e.name, errorMessage: e.message }, { 'x-amz-function-error': 'Unhandled' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    url,
    stop: async () => {
      await Promise.allSettled([...running]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
