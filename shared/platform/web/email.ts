import type { Message } from '../../kernel/notifier';
import type { Lang } from '../../messages';
import { html, type SafeHtml } from './html';

/**
 * One email, written once as blocks and rendered twice: an HTML part (inline styles only, as mail clients strip
 * stylesheets; one column that reads on a 360 px phone) and a plain-text part that says the same, for clients that
 * show text only. A link is a real `<a href>` in HTML and a bare URL on a line of its own in text, so every client
 * makes it clickable. Texts arrive already in the reader's language; everything is escaped here.
 */
export type EmailBlock =
  /** A paragraph. */
  | { p: string }
  /** A bulleted list (documents still missing). */
  | { list: readonly string[] }
  /** Label and value rows (a claim's facts, a breakdown); `total` is a last row in bold. */
  | { facts: readonly (readonly [string, string])[]; total?: readonly [string, string] }
  /** The one thing to do: a button in HTML; in text the label, then the URL alone on the next line. */
  | { action: { label: string; url: string; fallback: string } }
  /** Small print at the end (why the message came, how to keep the link private). */
  | { note: string };

export interface EmailContent {
  lang: Lang;
  subject: string;
  blocks: readonly EmailBlock[];
}

/**
 * Links are absolute http(s) URLs built from the configured base URL. Anything else (no base URL configured) is shown
 * as text but never made an `href`: escaping alone does not stop a `javascript:` URL. A message is never refused for
 * it: the state it reports is already recorded.
 */
const linkable = (url: string): boolean => /^https?:\/\/[^\s"'<>]+$/.test(url);

const textOf = (block: EmailBlock): string => {
  if ('p' in block) return block.p;
  if ('list' in block) return block.list.map((item) => `- ${item}`).join('\n');
  if ('facts' in block) return [...block.facts, ...(block.total ? [block.total] : [])].map(([k, v]) => `${k}: ${v}`).join('\n');
  if ('action' in block) return `${block.action.label}:\n${block.action.url}`;
  return `--\n${block.note}`;
};

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a';
const CELL = 'padding:4px 8px 4px 0;vertical-align:top;border-bottom:1px solid #e5e5e5';

const htmlOf = (block: EmailBlock): SafeHtml => {
  if ('p' in block) return html`<p style="margin:0 0 16px">${block.p}</p>`;
  if ('list' in block) return html`<ul style="margin:0 0 16px;padding-left:20px">${block.list.map((item) => html`<li>${item}</li>`)}</ul>`;
  if ('facts' in block) {
    const row = ([k, v]: readonly [string, string], strong: boolean) =>
      strong
        ? html`<tr><th style="${CELL};text-align:left">${k}</th><th style="${CELL};text-align:right">${v}</th></tr>`
        : html`<tr><td style="${CELL}">${k}</td><td style="${CELL};text-align:right">${v}</td></tr>`;
    return html`<table role="presentation" style="border-collapse:collapse;width:100%;margin:0 0 16px">${block.facts.map((f) => row(f, false))}${block.total && row(block.total, true)}</table>`;
  }
  if ('action' in block) {
    const url = block.action.url;
    if (!linkable(url)) return html`<p style="margin:0 0 16px">${block.action.label}: ${url}</p>`;
    return html`<p style="margin:0 0 8px"><a href="${url}" style="display:inline-block;background:#0b5cad;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:bold">${block.action.label}</a></p><p style="margin:0 0 16px;font-size:14px">${block.action.fallback}<br><a href="${url}" style="color:#0b5cad;word-break:break-all">${url}</a></p>`;
  }
  return html`<p style="margin:24px 0 0;padding-top:12px;border-top:1px solid #e5e5e5;font-size:13px;color:#555555">${block.note}</p>`;
};

/** The message: subject, a plain-text part and an HTML part with the same content. */
export const renderEmail = (content: EmailContent): Message => ({
  subject: content.subject,
  text: `${content.blocks.map(textOf).join('\n\n')}\n`,
  html: html`<!doctype html><html lang="${content.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${content.subject}</title></head><body style="margin:0;padding:0;background:#f4f4f4"><div style="max-width:560px;margin:0 auto;padding:16px;background:#ffffff;${FONT}">${content.blocks.map(htmlOf)}</div></body></html>`.toString(),
});
