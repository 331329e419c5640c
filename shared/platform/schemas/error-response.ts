import * as z from 'zod/mini';

/**
 * The api.md error shape every handler answers a refused request with (shared/platform/http/responses.ts builds it):
 * `{ error, message, fields? }`, `fields` only for VALIDATION_FAILED. Described here for the OpenAPI document and the
 * contract tests; no handler parses its own responses.
 */
export const fieldErrorSchema = z.object({
  path: z
    .string()
    .check(z.meta({ description: 'The JSON path of the field (`member.nik`, `documents[0].uploadId`), or `line N` for a CSV file.' })),
  code: z.string().check(z.meta({ description: 'A stable message code, e.g. `nik.checksum`, `date.future`.', examples: ['nik.format'] })),
  message: z.string().check(z.meta({ description: "Human text in the request's language (`?lang=en` for English)." })),
});

export const errorResponseSchema = z.object({
  error: z.string().check(z.meta({ description: 'A stable error code (api.md).', examples: ['VALIDATION_FAILED'] })),
  message: z.string(),
  fields: z.optional(z.array(fieldErrorSchema)),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/**
 * POST /claims answers a duplicate with the error shape, plus the existing claim's reference when the caller already
 * proved they filed it (the same claimant NIK), so that the 409 cannot be used to look up other people's claims.
 */
export const duplicateClaimResponseSchema = z.object({
  error: z.literal('DUPLICATE_CLAIM'),
  message: z.string(),
  reference: z.optional(z.string()),
});

/** API Gateway's own answers, before any function runs: an unknown route, a body over 10 MB, a crashed function. */
export const gatewayErrorSchema = z.object({
  message: z.string().check(z.meta({ examples: ['Not Found', 'Request Entity Too Large', 'Internal Server Error'] })),
});
