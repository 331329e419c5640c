import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { FUNCTIONS, type FunctionName } from '../definitions/functions';
import { ROUTES, type RouteDefinition, routeKey } from '../definitions/routes';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2 | string | undefined>;

/** API Gateway's own limit for HTTP API payloads; functions enforce their smaller limits themselves. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;
/** HTTP API sends text bodies as they are and everything else base64-encoded. */
const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript))/i;

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  params: string[];
}

const compile = (route: RouteDefinition): CompiledRoute => {
  const params: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source.replace(/\\\{|\\\}/g, '')}$`), params };
};

/** Loads a function's entry file once, as Lambda would on a cold start. */
const loaders = new Map<FunctionName, Promise<Handler>>();
export const loadHandler = (name: FunctionName): Promise<Handler> => {
  let loader = loaders.get(name);
  if (!loader) {
    const entry = resolve(process.cwd(), FUNCTIONS[name].entry);
    loader = import(entry).then((m: { handler: Handler }) => m.handler);
    loaders.set(name, loader);
  }
  return loader;
};

/** Invocations per function since the twin started (the workflow benchmark reads them). */
export const invocationCounts = new Map<FunctionName, number>();

/** Invokes a function as Lambda would: its module loaded once, a fresh context per call, counted. */
export const invokeFunction = async (name: FunctionName, event: unknown, timeoutMs = 29_000): Promise<unknown> => {
  invocationCounts.set(name, (invocationCounts.get(name) ?? 0) + 1);
  return (await loadHandler(name))(event as never, lambdaContext(name, timeoutMs));
};

export const lambdaContext = (functionName: string, timeoutMs = 29_000): Context => {
  const started = Date.now();
  const requestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

const readBody = (req: IncomingMessage): Promise<Buffer | 'too-large'> =>
  new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= GATEWAY_MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(size > GATEWAY_MAX_BODY ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });

const decodable = (value: string): boolean => {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
};

/** Builds the API Gateway HTTP API payload 2.0 event, as AWS does. */
export const toEvent = (req: IncomingMessage, body: Buffer, match: CompiledRoute, values: string[], url: URL): APIGatewayProxyEventV2 => {
  // As API Gateway does: the client's protocol, address and port arrive as X-Forwarded-* headers.
  const headers: Record<string, string> = {
    'x-forwarded-proto': 'http',
    'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1',
    'x-forwarded-port': String(req.socket.localPort ?? ''),
  };
  const cookies: string[] = [];
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    if (k === 'cookie') cookies.push(...String(v).split(/;\s*/));
    else headers[k] = Array.isArray(v) ? v.join(',') : v;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  const isText = TEXT_TYPES.test(headers['content-type'] ?? '');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: routeKey(match.route),
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: cookies.length ? cookies : undefined,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: match.params.length ? Object.fromEntries(match.params.map((p, i) => [p, decodeURIComponent(values[i]!)])) : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      // The gateway's own address, as API Gateway names its own domain: never the client's Host header.
      domainName: `localhost:${req.socket.localPort ?? ''}`,
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: routeKey(match.route),
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length ? (isText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
  };
};

const send = (res: ServerResponse, result: APIGatewayProxyStructuredResultV2 | string | undefined) => {
  // Payload 2.0: a result without statusCode is a 200 JSON body, as API Gateway infers it.
  if (result === undefined || typeof result === 'string' || result.statusCode === undefined) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(typeof result === 'string' ? result : JSON.stringify(result ?? null));
    return;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  res.writeHead(result.statusCode, headers).end(body);
};

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/**
 * The twin's API Gateway: the same route table as the CDK HttpApi, the same handlers, payload 2.0 events.
 * Unknown routes, and known paths with another method, answer 404 `{"message":"Not Found"}` as HTTP API does.
 */
export type TwinRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface Gateway {
  server: Server;
  url: string;
  port: number;
  /** Until called, requests are answered 503: the twin binds its port first and wires the handlers when ready. */
  open: (twinRoutes?: TwinRoutes) => void;
  stop: () => Promise<void>;
}

/**
 * Binds the API port at once (so no other service of the twin can take it while they all start) and serves
 * requests once `open` is called.
 */
export const startGateway = async (
  port: number,
  host = '127.0.0.1',
  twinRoutes?: TwinRoutes,
  openNow = true,
  /**
   * The access log: one line per request, `<method> <route> <status> <ms> ms`. The route is the route table's template
   * (`/claims/{reference}`), or a twin-only path without digits, else `-`: never the path as sent, its query or body,
   * which may hold a NIK, a reference or a token.
   */
  accessLog?: (line: string) => void,
): Promise<Gateway> => {
  const compiled = ROUTES.map(compile);
  let ready = openNow;
  const server = createServer(async (req, res) => {
    const started = Date.now();
    let route = '-';
    if (accessLog) res.once('finish', () => accessLog(`${req.method ?? '-'} ${route} ${res.statusCode} ${Date.now() - started} ms`));
    try {
      if (!ready) return json(res, 503, { message: 'The twin is starting' });
      // The path and query only: the client's Host header plays no part (a malformed one must not break parsing).
      const url = new URL(req.url ?? '/', 'http://localhost');
      // Twin-only endpoints (the local token issuer) come first; they do not exist in AWS.
      // Twin-only paths are fixed (no ids): logged as they are, unless a digit in them could be someone's number.
      route = /\d/.test(url.pathname) ? '-' : url.pathname;
      if (twinRoutes && (await twinRoutes(req, res, url))) return;
      route = '-';
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const candidates = compiled.map((c) => ({ c, m: c.pattern.exec(url.pathname) })).filter((x) => x.m);
      const hit = candidates.find((x) => x.c.route.method === method);
      // HTTP API answers an unmatched method and path alike: 404 {"message":"Not Found"}.
      if (!hit) return json(res, 404, { message: 'Not Found' });
      route = hit.c.route.path;
      // As API Gateway: a path parameter that is not valid percent-encoding is a 400 before any function runs.
      if (hit.m!.slice(1).some((v) => !decodable(v))) return json(res, 400, { message: 'Bad Request' });
      const body = await readBody(req);
      if (body === 'too-large') return json(res, 413, { message: 'Request Entity Too Large' });
      const result = (await invokeFunction(hit.c.route.function, toEvent(req, body, hit.c, hit.m!.slice(1), url))) as Awaited<
        ReturnType<Handler>
      >;
      send(res, result);
    } catch (error) {
      // A handler that throws is a Lambda failure: API Gateway answers 500 Internal Server Error.
      console.error('[gateway] handler error', error);
      if (!res.headersSent) json(res, 500, { message: 'Internal Server Error' });
    }
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    open: (routes?: TwinRoutes) => {
      if (routes) twinRoutes = routes;
      ready = true;
    },
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};
