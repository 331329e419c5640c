import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DomainError, ForbiddenError } from '../../kernel/errors';
import { logger, metrics, tracer } from '../observability';
import { isTransientFault, RETRY_AFTER_SECONDS } from '../transient';
import { type Lang, pickLang } from '../web/i18n';
import { type BodyKind, bodyKindOf, decodeBody, parseForm, parseJson } from './body';
import { compress } from './compress';
import { ServiceUnavailableError, statusOf } from './errors';
import { ORIGIN_VERIFY_HEADER, ORIGIN_VERIFY_VAR } from './origin-verify';
import { errorResponse, type HttpResponse } from './responses';

export interface HttpRequest {
  /** API Gateway route key, e.g. `GET /claims/{reference}`: one function may serve several routes. */
  route: string;
  method: string;
  headers: Record<string, string | undefined>;
  /** Cookies by name (payload 2.0 sends them apart from the headers). */
  cookies: Record<string, string>;
  query: Record<string, string | undefined>;
  params: Record<string, string | undefined>;
  lang: Lang;
  /** The API's own domain as API Gateway names it (requestContext.domainName), not the client's Host header. */
  domainName: string;
  /** The client's address: the connection's (requestContext.http.sourceIp), or behind CloudFront the viewer's; never X-Forwarded-For. */
  sourceIp: string;
  /** Set when the route accepts a body. */
  bodyKind?: BodyKind;
  rawBody: string;
  body: unknown;
}

export interface HttpHandlerOptions {
  /** Accepted body kinds; a route without them ignores any body. */
  accepts?: readonly BodyKind[];
  /** A POST may come without any body (e.g. a retry command); GET and HEAD never parse one. */
  optionalBody?: boolean;
  /** Largest accepted body in bytes (api.md: 64 KB for claims). */
  maxBodyBytes?: number;
  /** Lets a page route answer its own errors in HTML (the claim form comes back with the messages). */
  renderError?: (error: DomainError, status: number, request: HttpRequest) => HttpResponse | undefined;
}

type Event = APIGatewayProxyEventV2 & { parsed?: HttpRequest };
type Result = APIGatewayProxyStructuredResultV2;

const DEFAULT_MAX_BODY = 64 * 1024;

/**
 * In AWS the site is served through CloudFront, whose web ACL holds the per-client rate rules; CloudFront adds this
 * header with a value only the stack knows (ORIGIN_VERIFY, shared/composition/env.ts). A request that reaches the
 * API's own execute-api host without it went around the WAF and is refused before anything is read. The twin sets
 * no ORIGIN_VERIFY, and then nothing is asked.
 */
const fromOrigin = (headers: Record<string, string | undefined>): boolean => {
  const expected = process.env[ORIGIN_VERIFY_VAR];
  if (!expected) return true;
  const given = Buffer.from(headers[ORIGIN_VERIFY_HEADER] ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
};

/**
 * The client's address. Behind CloudFront (ORIGIN_VERIFY set, and the request proved it came through the
 * distribution) the connection is the edge's, and the viewer's is in `CloudFront-Viewer-Address` (`<ip>:<port>`,
 * added by the AllViewerExceptHostHeader origin request policy); the lookup limit must count the family's phone, not
 * the edge location. Anywhere else the header is the client's own word and is ignored.
 */
const VIEWER_ADDRESS = /^([0-9a-f.:]{2,45}):\d{1,5}$/i;
const clientAddress = (headers: Record<string, string | undefined>, sourceIp: string): string => {
  if (!process.env[ORIGIN_VERIFY_VAR]) return sourceIp;
  const match = VIEWER_ADDRESS.exec(headers['cloudfront-viewer-address']?.trim() ?? '');
  return match && isIP(match[1]!) ? match[1]! : sourceIp;
};

/** Before the handler: headers in lower case, language, and the body checked for type and size, then parsed. */
const parseRequest = (options: HttpHandlerOptions): MiddlewareObj<Event, Result> => ({
  before: ({ event }) => {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(event.headers ?? {})) headers[k.toLowerCase()] = v;
    if (!fromOrigin(headers)) throw new ForbiddenError('This API is reached through the site only.');
    const query = { ...(event.queryStringParameters ?? {}) };
    const cookies: Record<string, string> = {};
    for (const c of event.cookies ?? []) {
      const eq = c.indexOf('=');
      if (eq <= 0) continue;
      // A cookie another site or an old version left malformed is ignored, not a 500 on every request that carries it.
      try {
        cookies[c.slice(0, eq).trim()] = decodeURIComponent(c.slice(eq + 1).trim());
      } catch {
        // not percent-encoded correctly: not one of ours
      }
    }
    const parsed: HttpRequest = {
      route: event.routeKey ?? '',
      method: event.requestContext?.http?.method ?? 'GET',
      headers,
      cookies,
      query,
      params: { ...(event.pathParameters ?? {}) },
      lang: pickLang(query),
      domainName: event.requestContext?.domainName ?? '',
      sourceIp: clientAddress(headers, event.requestContext?.http?.sourceIp ?? ''),
      rawBody: '',
      body: undefined,
    };
    event.parsed = parsed;
    if (!options.accepts || parsed.method === 'GET' || parsed.method === 'HEAD') return;
    if (options.optionalBody && !event.body && !headers['content-type']) return;
    parsed.bodyKind = bodyKindOf(headers['content-type'], options.accepts);
    parsed.rawBody = decodeBody(event.body, event.isBase64Encoded, options.maxBodyBytes ?? DEFAULT_MAX_BODY);
    if (parsed.bodyKind === 'json') parsed.body = parseJson(parsed.rawBody);
    else if (parsed.bodyKind === 'form') parsed.body = parseForm(parsed.rawBody);
    else parsed.body = parsed.rawBody;
  },
});

/** A client's mistake, answered with a 4xx: a request served as designed, not a failure of the function. */
const isClientError = (error: unknown): error is DomainError => error instanceof DomainError && (statusOf(error) ?? 500) < 500;

/**
 * The one place where errors become status codes (the table is in ./errors.ts). A client's mistake is a 4xx in the
 * api.md error shape; a service of ours down for a moment (DynamoDB restarting, throttling) is a 503 with
 * Retry-After, so that the client tries again; anything unexpected is logged and answered with a 500 that reveals
 * nothing.
 */
const mapErrors = (options: HttpHandlerOptions): MiddlewareObj<Event, Result> => ({
  onError: (request) => {
    const { event } = request;
    const transient = !(request.error instanceof DomainError) && isTransientFault(request.error);
    if (transient) logger.warn('dependency unavailable', { error: request.error as Error });
    const error = transient ? new ServiceUnavailableError({ cause: request.error }) : request.error;
    const lang = event.parsed?.lang ?? pickLang(event.queryStringParameters ?? {});
    const status = statusOf(error);
    if (status !== undefined && error instanceof DomainError) {
      if (!transient) logger.info('request refused', { code: error.code, status });
      const response = (event.parsed && options.renderError?.(error, status, event.parsed)) ?? errorResponse(error, status, lang);
      if (status === 503) response.headers = { ...response.headers, 'retry-after': String(RETRY_AFTER_SECONDS) };
      request.response = response;
      return;
    }
    logger.error('request failed', { error: error as Error });
    const internal = new DomainError('INTERNAL_ERROR', 'Something went wrong on our side. Nothing was lost; please try again.');
    request.response = errorResponse(internal, 500, lang);
  },
});

/**
 * Powertools' handler subsegment, except that an error the error mapper answers with a 4xx is flagged as an X-Ray
 * error (4xx), not recorded as a fault (5xx): a refused form must not look like an outage in the service map.
 * Responses are never recorded as trace metadata: pages and claim JSON carry personal data.
 */
const traceHandler = (): MiddlewareObj<Event, Result> => {
  const capture = captureLambdaHandler(tracer, { captureResponse: false });
  return {
    before: capture.before,
    after: capture.after,
    onError: (request) => {
      if (!isClientError(request.error)) return capture.onError?.(request);
      if (tracer.isTracingEnabled()) tracer.getSegment()?.addErrorFlag();
      return capture.after?.(request);
    },
  };
};

/**
 * Middleware first, handler last (middy's order); after and onError run in reverse. So the error mapper, registered
 * last, turns an error into a response first; the logger, metrics (flushed after every invocation, errors included,
 * with a ColdStart metric on the first) and the tracer's handler subsegment wrap everything else.
 */
export const httpHandler = (fn: (request: HttpRequest, context: Context) => Promise<HttpResponse>, options: HttpHandlerOptions = {}) =>
  middy<Event, Result>()
    .use(traceHandler())
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(compress())
    .use(parseRequest(options))
    .use(mapErrors(options))
    .handler(async (event, context) => fn(event.parsed!, context));
