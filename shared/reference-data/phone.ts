import { type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import metadata from './phone-metadata.id.json';

/**
 * Indonesian mobile numbers for SMS, validated by libphonenumber with its "mobile" metadata (which accepts only
 * numbers that can receive SMS, so a landline is refused here rather than failing silently when we notify the
 * family). The metadata is cut down to Indonesia (scripts/phone-metadata.mjs) to keep Lambda bundles small.
 * Accepts 0812..., 62812..., +62 812-...; returns E.164 (+62812...).
 */
export const normalizeMobile = (raw: string): string | undefined => {
  const phone = parsePhoneNumberFromString(raw, 'ID', metadata as unknown as MetadataJson);
  // Indonesian numbers only: notifications go through Indonesian SMS routes (domain.md: +62, mobiles start 8).
  if (phone?.country !== 'ID' || !phone.isValid()) return undefined;
  return phone.number;
};

/** For logs: country code and the last three digits. */
export const maskPhone = (phone: string): string => `${phone.slice(0, 3)}${'*'.repeat(Math.max(0, phone.length - 6))}${phone.slice(-3)}`;
