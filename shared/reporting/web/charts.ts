import { html, type SafeHtml } from '../../platform/web/html';

/**
 * Charts as plain inline SVG: no script, no library, nothing fetched, readable printed and by a screen reader (each
 * chart is an image named by its <title> and described by its <desc>, which says every value in words; the tables
 * below the charts say the same). Every bar and point carries its value as text, so colour is never the only
 * carrier. Presentation attributes only (no style attributes: the pages' Content-Security-Policy allows no inline
 * styles). The viewBox is 320 units wide, about the width of a 360 px phone's page, and scales to the page.
 */

const WIDTH = 320;
const FONT = 12;
/** Room kept right of the longest bar for its value. */
const VALUE_ROOM = 124;
const COLOURS = { main: '#0b5d3b', second: '#5f6b76', mark: '#b00020', text: '#1b1b1b', axis: '#8a9199' } as const;

export interface BarGroup {
  label: string;
  bars: { value: number; text: string; tone?: 'main' | 'second' }[];
  /** A reference value drawn as a line across the group's bars (a deadline), with its text. */
  mark?: { value: number; text: string };
}

/** The chart in a figure whose caption shows its title to everyone (the <title> names it for screen readers). */
const frame = (id: string, title: string, desc: string, height: number, body: readonly SafeHtml[]): SafeHtml =>
  html`<figure class="report-figure"><figcaption aria-hidden="true">${title}</figcaption><svg class="report-chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="${FONT}"><title id="${id}-t">${title}</title><desc id="${id}-d">${desc}</desc>${body}</svg></figure>`;

/** Horizontal bars, each group's label on its own line above its bars (long names fit a phone). */
export const barChart = (opts: { id: string; title: string; desc: string; groups: readonly BarGroup[] }): SafeHtml => {
  const max = Math.max(1, ...opts.groups.flatMap((g) => [...g.bars.map((b) => b.value), g.mark?.value ?? 0]));
  const span = WIDTH - VALUE_ROOM;
  const scale = (v: number) => (Math.max(0, v) / max) * span;
  const parts: SafeHtml[] = [];
  let y = 0;
  for (const group of opts.groups) {
    y += FONT + 2;
    parts.push(html`<text x="0" y="${y}" fill="${COLOURS.text}" font-weight="600">${group.label}</text>`);
    const top = y + 4;
    for (const bar of group.bars) {
      const barY = y + 4;
      const w = scale(bar.value);
      parts.push(
        html`<rect x="0" y="${barY}" width="${w.toFixed(1)}" height="12" fill="${COLOURS[bar.tone ?? 'main']}"></rect>`,
        html`<text x="${(w + 4).toFixed(1)}" y="${barY + 10}" fill="${COLOURS.text}">${bar.text}</text>`,
      );
      y += 16;
    }
    if (group.mark) {
      const x = scale(group.mark.value).toFixed(1);
      parts.push(
        html`<line x1="${x}" y1="${top - 2}" x2="${x}" y2="${y + 6}" stroke="${COLOURS.mark}" stroke-width="2" stroke-dasharray="3 2"></line>`,
        html`<text x="${x}" y="${y + 17}" fill="${COLOURS.mark}" text-anchor="${scale(group.mark.value) > span / 2 ? 'end' : 'start'}">${group.mark.text}</text>`,
      );
      y += 18;
    }
    y += 8;
  }
  return frame(opts.id, opts.title, opts.desc, Math.max(y, 20), parts);
};

/** A line of rates (0 to 1) by month, each point labelled; the x axis names the first, last and some months between. */
export const lineChart = (opts: {
  id: string;
  title: string;
  desc: string;
  points: readonly { label: string; value: number | null; text: string }[];
}): SafeHtml => {
  const height = 190;
  const [left, right, top, bottom] = [40, WIDTH - 16, 22, 150];
  const n = opts.points.length;
  const x = (i: number) => (n === 1 ? (left + right) / 2 : left + (i * (right - left)) / (n - 1));
  const y = (v: number) => bottom - Math.min(1, Math.max(0, v)) * (bottom - top);
  const every = Math.max(1, Math.ceil(n / 4));
  const labelled = (i: number) => n <= 12 || i % every === 0 || i === n - 1;
  const parts: SafeHtml[] = [];
  for (const v of [0, 0.5, 1]) {
    parts.push(
      html`<line x1="${left}" y1="${y(v)}" x2="${right}" y2="${y(v)}" stroke="${COLOURS.axis}" stroke-width="0.5"></line>`,
      html`<text x="${left - 4}" y="${y(v) + 4}" text-anchor="end" fill="${COLOURS.text}">${v * 100}%</text>`,
    );
  }
  const known = opts.points.map((p, i) => ({ ...p, i })).filter((p) => p.value !== null);
  if (known.length > 1)
    parts.push(
      html`<polyline fill="none" stroke="${COLOURS.main}" stroke-width="2" points="${known.map((p) => `${x(p.i).toFixed(1)},${y(p.value!).toFixed(1)}`).join(' ')}"></polyline>`,
    );
  for (const p of known) {
    parts.push(html`<circle cx="${x(p.i).toFixed(1)}" cy="${y(p.value!).toFixed(1)}" r="3" fill="${COLOURS.main}"></circle>`);
    // The first and last labels lean inwards, so that none is cut at the chart's edge.
    const anchor = n === 1 ? 'middle' : p.i === 0 ? 'start' : p.i === n - 1 ? 'end' : 'middle';
    if (labelled(p.i))
      parts.push(
        html`<text x="${x(p.i).toFixed(1)}" y="${(y(p.value!) - 7).toFixed(1)}" text-anchor="${anchor}" fill="${COLOURS.text}">${p.text}</text>`,
      );
  }
  opts.points.forEach((p, i) => {
    if (!labelled(i)) return;
    const anchor = n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
    const rotate = n > 4 && n <= 12;
    parts.push(
      rotate
        ? html`<text x="${x(i).toFixed(1)}" y="${bottom + 12}" text-anchor="end" transform="rotate(-45 ${x(i).toFixed(1)} ${bottom + 12})" fill="${COLOURS.text}" font-size="10">${p.label}</text>`
        : html`<text x="${x(i).toFixed(1)}" y="${bottom + 16}" text-anchor="${anchor}" fill="${COLOURS.text}">${p.label}</text>`,
    );
  });
  return frame(opts.id, opts.title, opts.desc, height, parts);
};
