/**
 * Configuration is read once, at cold start, and fails fast when a variable is missing. CDK sets these through
 * the function construct's bind helpers; the local twin sets the same names.
 */
export const requireEnv = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`Missing environment variable ${name}`);
  return value;
};

export const optionalEnv = (name: string, fallback: string): string => process.env[name] || fallback;

export const ENV = {
  claimsTable: 'CLAIMS_TABLE_NAME',
  membersTable: 'MEMBERS_TABLE_NAME',
  documentsBucket: 'DOCUMENTS_BUCKET_NAME',
  /** Path-style S3 URLs; the twin's S3 emulator needs them, AWS accepts them. */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
} as const;
