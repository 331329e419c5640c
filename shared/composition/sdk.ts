/**
 * Settings every AWS SDK client of the composition root shares. `cacheMiddleware` resolves a client's middleware
 * stack once per command type instead of on every call (about 0.1 ms of CPU per request, measured in
 * docs/benchmarks.md); anything that adds middleware to a client (tracing) must do so before its first request.
 * The DynamoDB document client refuses this option, so it is not used there.
 */
export const SDK_CLIENT_DEFAULTS = { cacheMiddleware: true } as const;
