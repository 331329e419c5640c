const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. Every value from a request goes through here. */
export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export const layout = (opts: { lang: 'id' | 'en'; title: string; body: string; langSwitch?: string }): string =>
  `<!doctype html><html lang="${opts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">` +
  `<title>${esc(opts.title)}</title><link rel="stylesheet" href="/assets/app.css"></head><body><header><strong>Santunan</strong> · ` +
  `${opts.lang === 'id' ? 'Klaim santunan BPJS Ketenagakerjaan' : 'BPJS Ketenagakerjaan benefit claims'}` +
  `${opts.langSwitch ? ` · ${opts.langSwitch}` : ''}</header><main>${opts.body}</main>` +
  `<footer>${opts.lang === 'id' ? 'Data Anda hanya dipakai untuk memproses klaim ini.' : 'Your data is used only to process this claim.'}</footer></body></html>`;
