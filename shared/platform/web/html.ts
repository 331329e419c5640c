/**
 * Auto-escaping HTML templates: html`<p>${value}</p>` escapes every interpolated value unless it is already
 * SafeHtml, which only this module can make (from the static parts of an html`` template). A string can never
 * become markup by accident: not a value typed into a form, not a parsed JSON body, not a message text. The
 * escaping covers text and QUOTED attribute values; an unquoted attribute value is refused when the template is
 * first used. Not covered, so never interpolate there: the inside of <script> or <style>, and URL attributes
 * with a value from outside (escaping does not stop `javascript:`; our hrefs start with a fixed path).
 * Written here (~60 lines) rather than taken from npm: the small packages found either pull in unrelated
 * dependencies or come inside a web framework.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeText = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** What a template accepts: `false`, null and undefined render nothing, so `${cond && html`...`}` works. */
export type HtmlValue = SafeHtml | string | number | false | null | undefined | readonly HtmlValue[];

let trust: (markup: string) => SafeHtml;

/** Markup that is safe to insert as it is. The brand is a private field, so no plain object, JSON or copy passes. */
export class SafeHtml {
  readonly #markup: string;
  private constructor(markup: string) {
    this.#markup = markup;
  }
  static {
    trust = (markup) => new SafeHtml(markup);
  }
  static is(value: unknown): value is SafeHtml {
    return typeof value === 'object' && value !== null && #markup in value;
  }
  toString(): string {
    return this.#markup;
  }
}

const render = (value: unknown): string => {
  if (value === null || value === undefined || value === false) return '';
  if (SafeHtml.is(value)) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value !== 'object') return escapeText(String(value));
  // Only untyped data gets here (a parsed body); one whose toString is not a function must not crash the page.
  try {
    return escapeText(String(value));
  } catch {
    return '';
  }
};

/** `name=${...}` without a quote: escaping cannot keep such a value inside its attribute. */
const UNQUOTED_ATTRIBUTE = /\s[^\s"'<>/=]+=$/;
/** Each call site's strings are checked once: template strings arrays are reused by the engine. */
const checked = new WeakSet<TemplateStringsArray>();

const checkTemplate = (strings: TemplateStringsArray): void => {
  // A real template strings array is frozen and has `raw`; a hand-made array of strings would smuggle markup in.
  if (!Array.isArray(strings) || !Array.isArray(strings.raw) || !Object.isFrozen(strings)) {
    throw new TypeError('html must be used as a template tag');
  }
  strings.slice(0, -1).forEach((part, i) => {
    if (UNQUOTED_ATTRIBUTE.test(part)) {
      throw new TypeError(`html: quote the attribute value of placeholder ${i + 1} ("${part.slice(-30)}")`);
    }
  });
  checked.add(strings);
};

export const html = (strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml => {
  if (!checked.has(strings)) checkTemplate(strings);
  let markup = strings[0]!;
  for (let i = 0; i < values.length; i += 1) markup += render(values[i]) + strings[i + 1]!;
  return trust(markup);
};

/**
 * A <style> element with a stylesheet of our own (the generated STYLESHEET, never text from outside): escaping does
 * not apply inside <style>, so this is the one way CSS enters a page, and it refuses text that could end the element.
 */
export const styleElement = (css: string): SafeHtml => {
  if (/<\/style/i.test(css)) throw new TypeError('styleElement: a stylesheet must not contain "</style"');
  return trust(`<style>${css}</style>`);
};

/**
 * A message text with `{name}` placeholders, as HTML: the text is escaped and each placeholder takes a value as in
 * a template (a link inside a translated sentence). A placeholder without a value is an error in our code.
 */
export const htmlMessage = (text: string, params: Readonly<Record<string, HtmlValue>>): SafeHtml =>
  trust(
    text
      .split(/\{(\w+)\}/)
      .map((part, i) => {
        if (i % 2 === 0) return escapeText(part);
        if (!Object.hasOwn(params, part)) throw new TypeError(`htmlMessage: no value for {${part}}`);
        return render(params[part]);
      })
      .join(''),
  );
