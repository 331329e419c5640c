import type { Api } from './api';

/**
 * Does what the form's script does: ask for a presigned POST, then send the bytes straight to storage.
 * `storedContentType` sends another Content-Type than the one signed (the twin's storage does not enforce the policy).
 */
export const uploadDocument = async (
  api: Api,
  type: string,
  bytes: Buffer,
  contentType = 'application/pdf',
  declaredSize = bytes.length,
  storedContentType = contentType,
) => {
  const res = await api.postJson('/uploads', { type, contentType, size: declaredSize });
  if (res.status !== 201) throw new Error(`POST /uploads ${res.status}: ${res.text}`);
  const form = new FormData();
  for (const [k, v] of Object.entries(res.json.fields as Record<string, string>))
    form.append(k, k === 'Content-Type' ? storedContentType : v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), 'document.pdf');
  const stored = await fetch(res.json.url, { method: 'POST', body: form });
  if (stored.status >= 300) throw new Error(`storage POST ${stored.status}: ${await stored.text()}`);
  return res.json.uploadId as string;
};

export const pdf = (size = 2048): Buffer => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(Math.max(0, size - 9), 0x20)]);
