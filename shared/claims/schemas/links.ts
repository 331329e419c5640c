import * as z from 'zod/mini';

/**
 * POST /staff/claims/{reference}/links/revoke (JSON, or the form on the staff claim page): a supervisor makes every
 * status link sent for the claim stop working; `note` says why, for the audit trail.
 */
export const revokeLinksRequestSchema = z.strictObject({
  // Strict: the note is optional, so a body of anything else (a JSON document sent as a form) must not pass as empty.
  note: z.optional(z.string().check(z.maxLength(500, 'tooLong'))),
});
export type RevokeLinksRequest = z.infer<typeof revokeLinksRequestSchema>;

/** 200: the claim's new link version, and whether the new link went out by email and by SMS. */
export const revokeLinksResultSchema = z.object({
  reference: z.string(),
  linkVersion: z.number().check(z.int(), z.minimum(1)),
  notified: z.object({ email: z.boolean(), sms: z.boolean() }),
});
