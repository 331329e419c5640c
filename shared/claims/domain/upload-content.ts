import { MAX_UPLOAD_BYTES, type UploadContentType } from './claim';

/** How many leading bytes intake reads from a stored upload: enough for every signature below. */
export const UPLOAD_HEAD_BYTES = 16;

/**
 * The first bytes every file of an accepted type starts with. Checking them keeps HTML, scripts or executables
 * sent under a document's content type out of the documents staff open.
 */
const SIGNATURES: Record<UploadContentType, readonly number[]> = {
  /** `%PDF-` */
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  /** SOI marker and the first byte of the next marker. */
  'image/jpeg': [0xff, 0xd8, 0xff],
  /** `\x89PNG\r\n\x1a\n` */
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** The error codes of a refused upload (messages `error.<code>`), on the document's `uploadId`. */
export const UPLOAD_CONTENT_PROBLEMS = [
  'uploadId.tooLarge',
  'uploadId.sizeMismatch',
  'uploadId.typeMismatch',
  'uploadId.contentMismatch',
] as const;
export type UploadContentProblem = (typeof UPLOAD_CONTENT_PROBLEMS)[number];

/** `Image/JPEG; x=1` and `image/jpeg` name the same type. */
const mediaType = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase();

/**
 * Is the stored object the file that POST /uploads declared? The presigned POST already limits the size range and
 * pins the content type, but storage never sees inside the file, and the twin's storage enforces no policy at all:
 * this is checked again before a document is accepted. Returns the first problem, or undefined.
 */
export const checkUploadContent = (
  declared: { contentType: UploadContentType; size: number },
  stored: { size: number; contentType?: string },
  head: Uint8Array,
): UploadContentProblem | undefined => {
  if (stored.size > MAX_UPLOAD_BYTES) return 'uploadId.tooLarge';
  if (stored.size !== declared.size) return 'uploadId.sizeMismatch';
  if (mediaType(stored.contentType) !== declared.contentType) return 'uploadId.typeMismatch';
  if (!SIGNATURES[declared.contentType].every((byte, i) => head[i] === byte)) return 'uploadId.contentMismatch';
  return undefined;
};
