import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { freePort, waitFor } from '../../infra/local/ports';
import { CHROMIUM, CHROMIUM_ARGS, twinProcess } from './twin-process';

/** Screenshots and logs of the browser tests. */
export const ARTIFACTS = join(process.cwd(), 'test-results');

export interface E2eTwin {
  /** `http://localhost:<port>` of the twin started for this file. */
  readonly base: string;
  readonly twin: ReturnType<typeof twinProcess>;
  readonly browser: Browser;
}

/**
 * One twin per browser test file, as `npm start` runs it (its own process, a free port, a fresh data directory), and
 * one headless Debian Chromium; both stopped and the directory removed after the file. Call at the top of the file;
 * read the fields inside tests (they are set before the first test runs).
 */
export const e2eTwin = (name: string): E2eTwin => {
  let dataDir: string | undefined;
  let base = '';
  let twin: ReturnType<typeof twinProcess> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), `santunan-e2e-${name}-`));
    const port = await freePort();
    base = `http://localhost:${port}`;
    twin = twinProcess(port, dataDir);
    await twin.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 330_000);
  afterAll(async () => {
    await browser?.close();
    await twin?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get base() {
      return base;
    },
    get twin() {
      return twin!;
    },
    get browser() {
      return browser!;
    },
  };
};

/**
 * Waits for the workflow (polling `get` until `ok`), not a timing assertion: on a loaded 2-core machine a decision,
 * the workflow and the bank can take tens of seconds. Returns the last value; fails with it.
 */
export const until = async <T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 90_000): Promise<T> => {
  let last: T | undefined;
  await waitFor(
    what,
    async () => {
      last = await get();
      if (!ok(last)) throw new Error(JSON.stringify(last).slice(0, 300));
    },
    ms,
    100,
  );
  return last!;
};
