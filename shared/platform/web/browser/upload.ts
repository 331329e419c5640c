/**
 * The document upload script of the claim form and the status page (progressive enhancement: both forms work
 * without it). Each chosen file is sent straight to storage: ask POST /uploads for a presigned request, then send
 * the file with progress. Files go one at a time, so a weak connection spends its bandwidth on one file, and a
 * failed file gets its own "Retry".
 *
 * Runs in the browser, not in Node: `npm run build:assets` bundles it (esbuild, minified, ES2017 for cheap Android
 * phones) into ../assets/upload.generated.ts, which the claim-form Lambda serves as /assets/upload.js.
 * Its words come from the script tag's data-retry, data-done and data-sending (one cached file for every language);
 * each document row is a `.doc` element whose data-doc names the document type.
 */

/** The answer of POST /uploads (api.md): a presigned POST with `fields`, or a PUT with `headers`. */
interface UploadTarget {
  uploadId: string;
  method: 'POST' | 'PUT';
  url: string;
  fields?: Record<string, string>;
  headers?: Record<string, string>;
}

/** The api.md error shape, as far as this script reads it. */
interface ApiError {
  message?: string;
  fields?: { message?: string }[];
}

/** A slow phone on a weak connection can take minutes for a 5 MB photo; past this the family gets "Retry". */
const UPLOAD_TIMEOUT_MS = 180_000;
/** A submit button disabled against double taps comes back in case the navigation never happens. */
const RESUBMIT_AFTER_MS = 15_000;

(() => {
  const me = document.currentScript;
  const form = document.getElementById('claim-form');
  if (!me || !form) return;
  const words = { retry: me.getAttribute('data-retry'), done: me.getAttribute('data-done'), sending: me.getAttribute('data-sending') };
  let pending = 0;
  let queue: Promise<void> = Promise.resolve();

  const upload = (target: UploadTarget, file: File, bar: HTMLProgressElement): Promise<UploadTarget> =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(target.method, target.url);
      xhr.timeout = UPLOAD_TIMEOUT_MS;
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      };
      xhr.onload = () => (xhr.status < 300 ? resolve(target) : reject(new Error(`HTTP ${xhr.status}`)));
      xhr.onerror = xhr.ontimeout = () => reject(new Error(`${words.retry}?`));
      let body: Blob | FormData = file;
      if (target.method === 'POST') {
        // S3 checks the policy fields, and wants the file last.
        body = new FormData();
        for (const k in target.fields) body.append(k, target.fields[k]!);
        body.append('file', file);
      } else {
        for (const h in target.headers) xhr.setRequestHeader(h, target.headers[h]!);
      }
      xhr.send(body);
    });

  document.querySelectorAll<HTMLElement>('.doc').forEach((row) => {
    const fileInput = row.querySelector<HTMLInputElement>('input[type=file]')!;
    const idInput = row.querySelector<HTMLInputElement>('input[name$=".uploadId"]')!;
    const out = row.querySelector('p')!;
    const type = row.getAttribute('data-doc');
    fileInput.hidden = false;

    const send = (file: File): void => {
      pending++;
      idInput.value = '';
      out.textContent = `${words.sending} `;
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      out.appendChild(bar);
      queue = queue.then(async () => {
        try {
          const response = await fetch(`/uploads${location.search}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ type, contentType: file.type, size: file.size }),
          });
          const answer = (await response.json()) as UploadTarget & ApiError;
          if (!response.ok) throw new Error(answer.fields?.[0] ? answer.fields[0].message : answer.message);
          const target = await upload(answer, file, bar);
          idInput.value = target.uploadId;
          out.textContent = '';
          const ok = document.createElement('span');
          ok.className = 'ok';
          ok.textContent = `${words.done}: ${file.name}`;
          out.appendChild(ok);
        } catch (error) {
          out.textContent = `${(error as Error).message} `;
          const retry = document.createElement('button');
          retry.type = 'button';
          retry.className = 'secondary';
          retry.textContent = words.retry;
          retry.onclick = () => send(file);
          out.appendChild(retry);
        }
        pending--;
      });
    };

    fileInput.addEventListener('change', () => {
      if (fileInput.files?.[0]) send(fileInput.files[0]);
    });
  });

  form.addEventListener('submit', (e) => {
    if (pending > 0) {
      e.preventDefault();
      document.getElementById('wait')!.hidden = false;
      return;
    }
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    button.disabled = true;
    setTimeout(() => {
      button.disabled = false;
    }, RESUBMIT_AFTER_MS);
  });

  const summary = document.getElementById('summary');
  if (summary) summary.focus();
})();

// A module, so that its declarations stay out of the global scope of the type check; the bundle is an IIFE.
export {};
