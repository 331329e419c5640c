import { en } from './en';
import { id } from './id';

/**
 * The one catalogue of what people read: pages, emails, SMS, validation messages, statuses, document names,
 * causes, relationships, flags and rejection reasons, in Bahasa Indonesia and English. Pure data and a lookup that
 * import nothing else from shared/, so any layer (domain rules included) may use it.
 */

/** Bahasa Indonesia first; English for helpers and staff from elsewhere. */
export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

export type MessageKey = keyof typeof id;
/** A text in every language, the shape the older tables used (`REJECTION_REASONS[code].id`). */
export type Text = Record<Lang, string>;

export const CATALOGUE: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { id, en };

/** The `{name}` placeholders of a text, as a union of names (from the Indonesian text, which defines the key). */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type ParamsArg<K extends MessageKey> = [Placeholders<(typeof id)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof id)[K]>, string | number>];

const fill = (text: string, params: Readonly<Record<string, string | number>> | undefined): string =>
  // A placeholder without a value stays visible rather than failing a notification; the types and tests catch it.
  params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole)) : text;

/** The text of a key in a language, with its placeholders filled: t('staff.queue.heading', 'id', { status }). */
export const t = <K extends MessageKey>(key: K, lang: Lang, ...[params]: ParamsArg<K>): string =>
  fill(CATALOGUE[lang][key], params as Record<string, string | number> | undefined);

/** t() bound to one language, for a page that asks for many texts: `const tr = translator(lang); tr('form.title')`. */
export const translator =
  (lang: Lang) =>
  <K extends MessageKey>(key: K, ...params: ParamsArg<K>): string =>
    t(key, lang, ...params);

/** The raw text with its `{placeholders}`, for callers that fill them with something other than strings (HTML). */
export const messageText = (key: MessageKey, lang: Lang): string => CATALOGUE[lang][key];

/** For keys built from codes that come from outside (validation codes): no throw, just "not in the catalogue". */
export const hasMessage = (key: string): key is MessageKey => Object.hasOwn(id, key);

/** The keys below `prefix.`, as the codes they end with (`'flag'` gives `'NAME_MISMATCH' | ...`). */
export type CodesOf<P extends string> = MessageKey extends infer K ? (K extends `${P}.${infer Code}` ? Code : never) : never;

/**
 * A table `{ [code]: { id, en } }` for a list of codes, in the list's order: the shape the rest of the code base
 * reads (REJECTION_REASONS, FLAG_LABELS, ...). The compiler checks that every code has a key.
 */
export const texts = <P extends string, C extends CodesOf<P>>(prefix: P, codes: readonly C[]): Record<C, Text> =>
  Object.fromEntries(codes.map((code) => [code, textOf(`${prefix}.${code}` as MessageKey)])) as Record<C, Text>;

/** One key in every language. */
export const textOf = (key: MessageKey): Text => ({ id: CATALOGUE.id[key], en: CATALOGUE.en[key] });
