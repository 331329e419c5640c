import { checkUploadContent, UPLOAD_HEAD_BYTES } from '../../shared/claims/domain/upload-content';

const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const HTML = Buffer.from('<!doctype html><script>alert(1)</script>');

describe('checkUploadContent: the stored object against what POST /uploads declared', () => {
  it.each([
    ['application/pdf', PDF],
    ['image/jpeg', JPEG],
    ['image/png', PNG],
  ] as const)('accepts a %s of the declared size, type and signature', (contentType, head) => {
    expect(checkUploadContent({ contentType, size: 2048 }, { size: 2048, contentType }, head)).toBeUndefined();
  });

  it('reads no more than the first 16 bytes', () => {
    expect(UPLOAD_HEAD_BYTES).toBe(16);
  });

  it('refuses a stored size other than the declared one, larger or smaller', () => {
    const declared = { contentType: 'application/pdf', size: 2048 } as const;
    expect(checkUploadContent(declared, { size: 2049, contentType: 'application/pdf' }, PDF)).toBe('uploadId.sizeMismatch');
    expect(checkUploadContent(declared, { size: 10, contentType: 'application/pdf' }, PDF)).toBe('uploadId.sizeMismatch');
  });

  it('refuses a stored file over 5 MB before anything else', () => {
    const declared = { contentType: 'application/pdf', size: 1000 } as const;
    expect(checkUploadContent(declared, { size: 5 * 1024 * 1024 + 1, contentType: 'text/html' }, HTML)).toBe('uploadId.tooLarge');
  });

  it('refuses an object without a content type, or with another one', () => {
    const declared = { contentType: 'image/png', size: 2048 } as const;
    expect(checkUploadContent(declared, { size: 2048 }, PNG)).toBe('uploadId.typeMismatch');
    expect(checkUploadContent(declared, { size: 2048, contentType: '' }, PNG)).toBe('uploadId.typeMismatch');
    expect(checkUploadContent(declared, { size: 2048, contentType: 'image/jpeg' }, PNG)).toBe('uploadId.typeMismatch');
    expect(checkUploadContent(declared, { size: 2048, contentType: 'binary/octet-stream' }, PNG)).toBe('uploadId.typeMismatch');
  });

  it('takes the stored content type in any case, with parameters', () => {
    const declared = { contentType: 'application/pdf', size: 2048 } as const;
    expect(checkUploadContent(declared, { size: 2048, contentType: 'Application/PDF; qs=0.9' }, PDF)).toBeUndefined();
  });

  it.each([
    ['HTML labelled PDF', 'application/pdf', HTML],
    ['a PNG labelled JPEG', 'image/jpeg', PNG],
    ['a JPEG labelled PNG', 'image/png', JPEG],
    ['a PDF labelled PNG', 'image/png', PDF],
    ['a PDF header not at the start', 'application/pdf', Buffer.concat([Buffer.from(' '), PDF])],
    ['a truncated signature', 'image/png', PNG.subarray(0, 4)],
    ['no bytes at all', 'image/jpeg', Buffer.alloc(0)],
  ] as const)('refuses content that is not what it claims: %s', (_name, contentType, head) => {
    expect(checkUploadContent({ contentType, size: 2048 }, { size: 2048, contentType }, head)).toBe('uploadId.contentMismatch');
  });
});
