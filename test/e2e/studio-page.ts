// Helpers for driving the studio page in Chromium: serve it, open it, read its state and its last frame.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type Browser, type JSHandle, type Page } from 'playwright-core';
import { RENDERER_DIR } from '../../electron/node/app-paths.js';
import { startWebServer, type WebServer } from '../../electron/node/web-server.js';
import type { CartSection } from '../../runner/common/protocol.js';
import { CHROMIUM_FLAGS, findChromium } from '../chromium.js';

/**
 * What the tests (and the studio bench) use of the studio page's globals: the automation hook
 * (renderer/automation-hook.ts) and the little of the DOM they touch. The tests compile without DOM
 * types, so this is their one description of the page; code run in the page gets it from inStudio.
 */
export interface StudioPage {
  __nibble: {
    lastFrame(): Uint8Array | null;
    studioFps(): number;
    state(): string;
    audioPeak(): number;
    cartBytes(section: CartSection, bank: number): Uint8Array;
    editor: {
      getCode(): string;
      setCode(code: string): void;
      setBreakpoint(breakpoint: { line: number; condition?: string; log?: string }): void;
      breakpoints(): { line: number; condition?: string; log?: string }[];
    };
    player: {
      lastFrame(): Uint8Array | null;
      state(): string | null;
      framesShown(): number;
    };
  };
  document: {
    title: string;
    pointerLockElement: unknown;
    querySelector(selector: string): unknown;
    querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
  };
  localStorage: PageStorage;
  sessionStorage: PageStorage;
  navigator: { clipboard: { readText(): Promise<string> } };
  requestAnimationFrame(callback: () => void): number;
  performance: { now(): number };
  addEventListener(type: 'keydown', listener: (e: { ctrlKey: boolean; key: string }) => void, capture: boolean): void;
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: { attributeFilter: string[] }): void; disconnect(): void };
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: Uint8Array[], name: string) => unknown;
  DragEvent: new (type: string, init: { dataTransfer: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
}

interface PageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Code run in the studio page. Like any Playwright page function it is sent as source, so it sees
 * nothing of the test's scope: it gets the page's globals and `arg` (plain data, copied in).
 */
export type InStudio<Arg, R> = (globalsAndArg: [StudioPage, Arg]) => R | Promise<R>;

/**
 * A handle on the page's globals, for code run in the page. A handle belongs to one document: take
 * a new one after a reload or navigation, and dispose of it when done (inStudio and waitInStudio do both).
 */
export async function studioGlobals(page: Page): Promise<JSHandle<StudioPage>> {
  // The one place the page's globalThis is taken to be a StudioPage.
  return page.evaluateHandle(() => globalThis as unknown as StudioPage);
}

/** Runs `fn` in the page with its globals (and `arg`), and returns what it returns. */
export async function inStudio<R, Arg = undefined>(page: Page, fn: InStudio<Arg, R>, arg?: Arg): Promise<R> {
  const globals = await studioGlobals(page);
  try {
    return await page.evaluate(plainArg(fn), pair(globals, arg));
  } finally {
    await globals.dispose();
  }
}

/**
 * Waits until `fn`, run in the page with its globals (and `arg`) on every display frame, returns a
 * truthy value. The wait holds one document's globals: a reload or navigation during it fails it.
 */
export async function waitInStudio<Arg = undefined>(page: Page, fn: InStudio<Arg, unknown>, arg?: Arg, options?: { timeout?: number }): Promise<void> {
  const globals = await studioGlobals(page);
  try {
    const truthy = await page.waitForFunction(plainArg(fn), pair(globals, arg), options);
    await truthy.dispose();
  } finally {
    await globals.dispose();
  }
}

/** Runs `fn` in every document the page loads, before the studio's own scripts (so no __nibble yet). */
export async function beforeStudioLoads<Arg = undefined>(page: Page, fn: InStudio<Arg, void>, arg?: Arg): Promise<void> {
  // Sent as source, as Playwright sends a function init script, with the globals in front of `arg`.
  await page.addInitScript(`(${fn.toString()})([globalThis, ${JSON.stringify(arg)}])`);
}

/**
 * Playwright types a page function's argument as the argument with its handles unboxed, which the
 * compiler cannot work out for a generic `Arg`; `arg` here is plain data, which arrives as it is.
 */
const plainArg = <R>(fn: InStudio<never, R>): InStudio<unknown, R> => fn as InStudio<unknown, R>;
const pair = (globals: JSHandle<StudioPage>, arg: unknown): [JSHandle<StudioPage>, unknown] => [globals, arg];

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
  await waitInStudio(page, ([g]) => '__nibble' in g && g.document.querySelector('.monaco-editor') !== null);
}

export async function waitForState(page: Page, wanted: string, timeout = 5000): Promise<void> {
  await waitInStudio(page, ([g, s]) => g.__nibble.state() === s, wanted, { timeout });
}

/** Hex colour at screen pixel (x, y) of the last frame the studio received (border excluded). */
export async function framePixel(page: Page, x: number, y: number): Promise<string | null> {
  return inStudio(
    page,
    ([g, [px, py]]) => {
      const frame = g.__nibble.lastFrame();
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
  await waitForFrame(page);
}

/** Waits until the current run's first frame has reached the studio. */
export async function waitForFrame(page: Page): Promise<void> {
  await waitInStudio(page, ([g]) => g.__nibble.lastFrame() !== null);
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

/** Drops a file on the editor the way a browser delivers it: a drop event with a DataTransfer. */
export async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await inStudio(
    page,
    ([g, [fileName, data]]) => {
      const transfer = new g.DataTransfer();
      transfer.items.add(new g.File([new Uint8Array(data)], fileName));
      const target = g.document.querySelector('.monaco-editor') as { dispatchEvent(event: unknown): boolean };
      for (const type of ['dragover', 'drop']) target.dispatchEvent(new g.DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, [...bytes]] as const,
  );
}
