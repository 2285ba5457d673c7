// Helpers for driving the studio page in Chromium: serve it, open it, read its state and its last frame.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RENDERER_DIR } from '../../electron/node/app-paths.js';
import { startWebServer, type WebServer } from '../../electron/node/web-server.js';
import { CHROMIUM_FLAGS, findChromium } from '../chromium.js';

/** What the tests use of the studio page's globals (code in page.evaluate runs in the page). */
export interface StudioPage {
  __nibble: {
    lastFrame(): Uint8Array | null;
    state(): string;
    editor: { getCode(): string; setCode(code: string): void };
  };
  document: { querySelector(selector: string): unknown; title: string };
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };
}

export interface StudioHarness {
  readonly server: WebServer;
  readonly browser: Browser;
  /** A fresh studio page, as openStudio gives it. */
  open(prepare?: (page: Page) => Promise<unknown>): Promise<Page>;
}

/** The built studio served on a free port and a Chromium, started before a test file's tests and ended after them. */
export function useStudio(): StudioHarness {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    const executablePath = findChromium();
    assert.ok(executablePath, 'no Chromium found: run the tests with npm test, which installs it or says what to install');
    server = await startWebServer({ port: 0, rootDir: RENDERER_DIR, log: () => {} });
    browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    assert.ok(value, 'the studio harness has not started');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    open: (prepare) => openStudio(started(browser), started(server).url, prepare),
  };
}

/** A fresh page (its own storage) with the studio loaded; `prepare` runs before the first load. */
export async function openStudio(browser: Browser, url: string, prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  await prepare?.(page);
  await page.goto(url);
  await waitForStudio(page);
  return page;
}

export async function waitForStudio(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const g = globalThis as unknown as Partial<StudioPage> & { document: { querySelector(s: string): unknown } };
    return g.__nibble !== undefined && g.document.querySelector('.monaco-editor') !== null;
  });
}

export async function waitForState(page: Page, wanted: string, timeout = 5000): Promise<void> {
  await page.waitForFunction((s) => (globalThis as unknown as StudioPage).__nibble.state() === s, wanted, { timeout });
}

/** Hex colour at screen pixel (x, y) of the last frame the studio received (border excluded). */
export async function framePixel(page: Page, x: number, y: number): Promise<string | null> {
  return page.evaluate(
    ([px, py]) => {
      const frame = (globalThis as unknown as StudioPage).__nibble.lastFrame();
      if (!frame) return null;
      const i = ((py + 4) * 256 + px + 8) * 4;
      return [frame[i], frame[i + 1], frame[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
    },
    [x, y],
  );
}

/** Runs the open cart (Ctrl+R) and waits until its first frame has arrived. */
export async function runAndWaitForFrame(page: Page): Promise<void> {
  await page.keyboard.press('Control+R');
  await page.waitForFunction(() => (globalThis as unknown as StudioPage).__nibble.lastFrame() !== null);
}

/**
 * Reads until the value is the expected one (the page draws on its next display frame, later on a
 * slow machine), then asserts it: a value that never comes fails with what was last read.
 */
export async function eventually<T>(read: () => Promise<T>, expected: T, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let seen = await read();
  while (seen !== expected && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    seen = await read();
  }
  assert.equal(seen, expected, what);
}
