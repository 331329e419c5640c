import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * What a family's phone is like, for the browser tests: a 360 px screen, touch, Indonesian locale, and (optionally) a
 * weak connection, emulated by Chromium itself through the DevTools protocol on every page of the context.
 */
export interface NetworkProfile {
  /** Round-trip latency added to every request, in milliseconds. */
  latencyMs: number;
  /** Bytes per second. */
  downloadBytesPerSecond: number;
  uploadBytesPerSecond: number;
}

/** Chromium DevTools' "Slow 3G" preset (400 ms, 400 kbit/s down and up, with DevTools' 0.8 throughput factor). */
export const SLOW_3G: NetworkProfile = {
  latencyMs: 400 * 5,
  downloadBytesPerSecond: ((500 * 1000) / 8) * 0.8,
  uploadBytesPerSecond: ((500 * 1000) / 8) * 0.8,
};
/** Chromium DevTools' "Fast 3G" preset (a weak but usable signal), for flows long enough that slow 3G would only add minutes. */
export const FAST_3G: NetworkProfile = {
  latencyMs: 150 * 3.75,
  downloadBytesPerSecond: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadBytesPerSecond: ((750 * 1000) / 8) * 0.9,
};

/** Applies a network profile to one page (CDP sessions are per page). */
export const throttle = async (page: Page, profile: NetworkProfile): Promise<void> => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: profile.downloadBytesPerSecond,
    uploadThroughput: profile.uploadBytesPerSecond,
  });
};

export interface PhoneOptions {
  javaScriptEnabled?: boolean;
  locale?: string;
  /** Every page opened in the context gets this network profile. */
  network?: NetworkProfile;
}

/** A phone-sized context; with `network`, each new page is throttled before it loads anything. */
export const phoneContext = async (browser: Browser, opts: PhoneOptions = {}): Promise<BrowserContext> => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    locale: opts.locale ?? 'id-ID',
  });
  if (opts.network) {
    const profile = opts.network;
    context.on('page', (page) => void throttle(page, profile));
  }
  return context;
};

/** One new throttled page in a fresh phone context (the profile is applied before the first navigation). */
export const phonePage = async (browser: Browser, opts: PhoneOptions = {}): Promise<Page> => {
  const context = await phoneContext(browser, { ...opts, network: undefined });
  const page = await context.newPage();
  if (opts.network) await throttle(page, opts.network);
  return page;
};

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is now; returns the serious and critical violations (the tests
 * expect none), each with the elements it found, so a failure says what to fix.
 */
export const seriousA11yViolations = async (page: Page): Promise<AxeViolation[]> => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
};
