/**
 * The document upload script of the claim form and the status page (progressive enhancement: both forms work
 * without it). Each chosen file is sent straight to storage: ask POST /uploads for a presigned request, then send
 * the file with progress. Files go one at a time, so a weak connection spends its bandwidth on one file, and a
 * failed file gets its own "Retry".
 *
 * Runs in the browser, not in Node: `npm run build:assets` bundles it (esbuild, minified, ES2017 for cheap Android
 * phones) into ../assets/upload.generated.ts, which the claim-form Lambda serves as /assets/upload.js.
 * Its words come from the script tag's data-retry, data-done and data-sending (one cached file for every language);
 * each document row is a `.doc` element whose data-doc names the document type. A row's hidden `.type` and
 * `.uploadId` fields are added when its file is sent (the file input's data-field names them), unless the page has them.
 *
 * On the claim form it also arranges the documents for the family's choices: the documents fieldset carries the rules
 * as data (data-rules, see document-needs.ts); the required rows go first, marked (`.req`), the others into the folded
 * `#docs-optional`; and a select's optgroups with data-when-field/data-when-value show only for that choice (the causes
 * of the chosen benefit).
 */
import { choicesDecided, type DocumentRulesData, type FormChoices, neededDocuments } from './document-needs';

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

  /** The row's hidden uploadId field, added with its type field the first time a file of the row is sent. */
  const uploadIdInput = (row: HTMLElement, fileInput: HTMLInputElement, type: string): HTMLInputElement => {
    const existing = row.querySelector<HTMLInputElement>('input[name$=".uploadId"]');
    if (existing) return existing;
    const field = fileInput.getAttribute('data-field');
    const hidden = (name: string, value: string) => {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = `${field}.${name}`;
      input.value = value;
      row.insertBefore(input, fileInput);
      return input;
    };
    hidden('type', type);
    return hidden('uploadId', '');
  };

  document.querySelectorAll<HTMLElement>('.doc').forEach((row) => {
    const fileInput = row.querySelector<HTMLInputElement>('input[type=file]')!;
    const out = row.querySelector('[aria-live]') || row.querySelector('p')!;
    const type = row.getAttribute('data-doc') || '';
    fileInput.hidden = false;

    const send = (file: File): void => {
      pending++;
      const idInput = uploadIdInput(row, fileInput, type);
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
    const buttons = form.querySelectorAll<HTMLButtonElement>('button[type=submit]');
    const disable = (disabled: boolean) => {
      for (let i = 0; i < buttons.length; i++) buttons[i]!.disabled = disabled;
    };
    // After this event: the form's data is built once it returns, and a disabled submitter would drop its own
    // name and value (a coordinator's "save as a draft" is `_action=draft`).
    setTimeout(() => disable(true), 0);
    setTimeout(() => disable(false), RESUBMIT_AFTER_MS);
  });

  arrangeForChoices(form as HTMLFormElement);

  const summary = document.getElementById('summary');
  if (summary) summary.focus();
})();

/**
 * The claim form's documents and causes follow the family's choices (benefit, incident, relationship, cause). Until
 * those are chosen the page stays as the server sent it: every document, each with its rule in words.
 */
function arrangeForChoices(form: HTMLFormElement): void {
  const fieldset = document.getElementById('docs');
  const rulesText = fieldset?.getAttribute('data-rules');
  const first = document.getElementById('docs-required');
  const later = document.getElementById('docs-optional') as HTMLDetailsElement | null;
  const groups = Array.prototype.slice.call(form.querySelectorAll('optgroup[data-when-field]')) as HTMLOptGroupElement[];
  const groupHome = groups.map((g) => g.parentElement as HTMLSelectElement);
  const data: DocumentRulesData | undefined = rulesText ? JSON.parse(rulesText) : undefined;
  const rows = (Array.prototype.slice.call(document.querySelectorAll('#docs .doc')) as HTMLElement[]).sort(
    (a, b) => rowIndex(a) - rowIndex(b),
  );

  const choices = (): FormChoices => {
    const values = new FormData(form);
    const out: FormChoices = {};
    values.forEach((value, name) => {
      if (typeof value === 'string') out[name] = value;
    });
    return out;
  };

  const arrange = (): void => {
    const chosen = choices();
    // A group shows while nothing is chosen for its field, or when its value is the one chosen; the others leave the
    // select (hidden options are not hidden on every phone), and come back in their order when the choice changes.
    for (const g of groups) g.parentElement?.removeChild(g);
    groups.forEach((g, i) => {
      const value = chosen[g.getAttribute('data-when-field') || ''];
      if (!value || value === g.getAttribute('data-when-value')) groupHome[i]!.appendChild(g);
    });
    if (!data || !first || !later) return;
    const decided = choicesDecided(data, chosen);
    const needed = decided ? neededDocuments(data, chosen) : [];
    let open = false;
    rows.forEach((row) => {
      const required = needed.indexOf(row.getAttribute('data-doc') || '') >= 0;
      (!decided || required ? first : later).appendChild(row);
      row.querySelector<HTMLElement>('.req')!.hidden = !required;
      row.querySelector<HTMLElement>('.rule')!.hidden = decided;
      if (decided && !required && (row.querySelector('.err') || row.querySelector('.ok') || row.querySelector('progress'))) open = true;
    });
    later.hidden = !decided || !later.querySelector('.doc');
    if (open) later.open = true;
    const hint = document.getElementById('docs-hint');
    if (hint) hint.hidden = decided;
  };

  form.addEventListener('change', (e) => {
    if (!(e.target as HTMLElement).matches('input[type=file]')) arrange();
  });
  arrange();
}

/** A row's place in the form (`documents[3]`), so rows keep one order wherever they move. */
function rowIndex(row: HTMLElement): number {
  const field = row.querySelector('input[type=file]')?.getAttribute('data-field') || '';
  return Number(/\d+/.exec(field)?.[0] ?? 0);
}
