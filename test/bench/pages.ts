import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { startTwin } from '../../infra/local/twin';
import { phonePage, SLOW_3G } from '../support/browser';
import { validClaim } from '../support/fixtures';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/twin-process';
import { kb, median, ratio, verdict } from './stats';

/**
 * The family's pages on a weak signal: the claim form and a claim's status page, loaded by Chromium on a 360 px phone
 * under its slow 3G profile (2 s per round trip, 50 KB/s), each time in a fresh context (a first visit: nothing
 * cached). Measured: the bytes transferred until the load event (the page, its stylesheet and script; before any
 * document is uploaded) and the first contentful paint. Beside them, in the same run, the same measure of a page with
 * one line of text served by a bare node:http server in this process: the floor any page pays on that connection.
 */
/** BENCH_PAGES_ROUNDS overrides, for a quick look while changing a page. */
const ROUNDS = Number(process.env.BENCH_PAGES_ROUNDS ?? 5);
const FORM_TARGET_BYTES = 30 * 1024;
const FIRST_PAINT_TARGET_MS = 2000;
/** The floor: the smallest page that paints something (a page with no text has no contentful paint). */
const BLANK = '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>-</title></head><body><p>Santunan</p></body></html>';

/** Run in the page: its timing entries once the first contentful paint is in (or after 10 s without one). */
const MEASURE = `new Promise((resolve) => {
  function done() {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    resolve({
      bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
      requests: 1 + resources.length,
      firstPaintMs: paint ? paint.startTime : NaN,
      loadMs: nav.loadEventEnd,
    });
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) { observer.disconnect(); done(); }
  });
  observer.observe({ type: 'paint', buffered: true });
  setTimeout(() => { observer.disconnect(); done(); }, 10000);
})`;

interface Load {
  bytes: number;
  requests: number;
  firstPaintMs: number;
  loadMs: number;
}

/** One first visit under slow 3G: what the page and its resources cost, from the browser's own timing entries. */
const loadOnce = async (browser: Browser, url: string): Promise<Load> => {
  const page = await phonePage(browser, { network: SLOW_3G });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // The first contentful paint may be recorded after the load event (a tiny page loads before it paints): wait for
    // its entry (buffered), up to 10 s, rather than read a missing one as "never". A string, so that the TypeScript
    // runner's helpers (it names inner functions) do not travel into the page.
    return (await page.evaluate(MEASURE)) as Load;
  } finally {
    await page.context().close();
  }
};

export const benchPages = async (): Promise<{ markdown: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'santunan-bench-pages-'));
  // No workflow: the claim stays SUBMITTED, the state a family first sees (status, and the rows to add documents).
  const twin = await startTwin({ dataDir: dir, port: 0, inMemory: true, seed: false, runWorkflows: false });
  const blank = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BLANK));
  await new Promise<void>((r) => blank.listen(0, '127.0.0.1', r));
  let browser: Browser | undefined;
  try {
    const body = validClaim();
    const filed = await fetch(`${twin.apiUrl}/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (filed.status !== 201) throw new Error(`filing the status page's claim answered ${filed.status}`);
    const { reference } = (await filed.json()) as { reference: string };
    const pages = {
      blank: `http://localhost:${(blank.address() as AddressInfo).port}/`,
      form: `${twin.apiUrl}/`,
      status: `${twin.apiUrl}/claims/${reference}?nik=${body.claimant.nik}`,
    };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const loads: Record<keyof typeof pages, Load[]> = { blank: [], form: [], status: [] };
    // Interleaved, so that each round of the three pages meets the same load on the machine.
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const name of Object.keys(pages) as (keyof typeof pages)[]) loads[name].push(await loadOnce(browser, pages[name]));
    }
    const m = Object.fromEntries(
      Object.entries(loads).map(([name, runs]) => [
        name,
        {
          bytes: median(runs.map((r) => r.bytes)),
          requests: median(runs.map((r) => r.requests)),
          paint: median(runs.map((r) => r.firstPaintMs)),
          load: median(runs.map((r) => r.loadMs)),
        },
      ]),
    ) as Record<keyof typeof pages, { bytes: number; requests: number; paint: number; load: number }>;
    const version = browser.version();
    const row = (label: string, x: (typeof m)['form']) =>
      `| ${label} | ${kb(x.bytes)} | ${x.requests} | ${(x.paint / 1000).toFixed(2)} s | ${ratio(x.paint, m.blank.paint)} | ${(x.load / 1000).toFixed(2)} s |`;
    const markdown = [
      '## Family pages on a slow 3G phone',
      '',
      `Method: Chromium ${version} (headless, \`playwright-core\`) as a 360 px phone under its slow 3G profile through the DevTools protocol ` +
        `(${SLOW_3G.latencyMs} ms added to each request, ${kb(SLOW_3G.downloadBytesPerSecond)}/s down and up), a fresh context for every load ` +
        '(a first visit: nothing cached). Transferred bytes are the navigation and resource timing entries until the load event (HTML, ' +
        'stylesheet, script; gzip as sent; before any document); first paint is the `first-contentful-paint` entry. The blank page is one line ' +
        'of text from a bare node:http server in the same process, loaded the same way: the floor of that connection. The form is `GET /`; the ' +
        `status page is a claim just filed (SUBMITTED, with the rows to add its documents). ${ROUNDS} rounds, the three pages interleaved; medians. ` +
        `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, shared with other work.`,
      '',
      '| page | transferred | requests | first contentful paint | vs blank | load event |',
      '|---|---|---|---|---|---|',
      row('blank page (floor)', m.blank),
      row('claim form', m.form),
      row('status page', m.status),
      '',
      '| target | value | verdict |',
      '|---|---|---|',
      `| claim form under 30 KB before documents | ${kb(m.form.bytes)} | ${verdict(m.form.bytes < FORM_TARGET_BYTES)} |`,
      `| status page under 30 KB | ${kb(m.status.bytes)} | ${verdict(m.status.bytes < FORM_TARGET_BYTES)} |`,
      `| claim form first render under 2 s | ${(m.form.paint / 1000).toFixed(2)} s (blank page ${(m.blank.paint / 1000).toFixed(2)} s) | ${verdict(m.form.paint < FIRST_PAINT_TARGET_MS)} |`,
      `| status page first render under 2 s | ${(m.status.paint / 1000).toFixed(2)} s | ${verdict(m.status.paint < FIRST_PAINT_TARGET_MS)} |`,
    ].join('\n');
    return { markdown };
  } finally {
    await browser?.close();
    blank.close();
    await twin.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};
