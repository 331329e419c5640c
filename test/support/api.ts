import { startGateway } from '../../infra/local/gateway';

type CallInit = { body?: string | URLSearchParams | Uint8Array; headers?: Record<string, string> };

/** A small HTTP client of one base URL: the status, headers, text and (when it parses) JSON of each answer. */
export const apiClient = (url: string, stop: () => Promise<void> = async () => undefined) => {
  const call = async (method: string, path: string, init: CallInit = {}) => {
    const res = await fetch(`${url}${path}`, {
      method,
      body: init.body as BodyInit | undefined,
      headers: init.headers,
      redirect: 'manual',
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  return {
    url,
    stop,
    call,
    postJson: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      call('POST', path, {
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      }),
  };
};
export type Api = ReturnType<typeof apiClient>;

/**
 * Starts the twin's API gateway in the test process on a free port: requests go through the real route table,
 * payload 2.0 events and the real handlers, against the DynamoDB Local and S3 emulator of the global setup.
 */
export const startApi = async (): Promise<Api> => {
  const gateway = await startGateway(0);
  return apiClient(gateway.url, gateway.stop);
};
