// The studio end to end in Chromium, against the web build served by the web fallback server (each
// run is a fresh runner process behind a WebSocket): how smoothly the studio keeps drawing while a
// cart hangs or floods the console, and how long from pressing Ctrl+R on a hanging cart to the busy notice on screen.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RENDERER_DIR } from '../../electron/node/app-paths.js';
import { startWebServer, type WebServer } from '../../electron/node/web-server.js';
import { CHROMIUM_FLAGS, findChromium } from '../chromium.js';
import { inStudio, studioGlobals, waitForStudio, waitInStudio } from '../e2e/studio-page.js';
import type { Figure } from './figures.js';
import { median, sleep } from './stats.js';

const TRIALS = 3;
/** Time the studio gets to settle into a run before its frame rate is read. */
const SETTLE_MS = 1500;
const FPS_READINGS = 3;
const FPS_READING_GAP_MS = 300;

const RUNNING_CART = 'function TIC()\n  cls(1)\n  print("HELLO", 100, 64, 12)\nend\n';
const HUNG_CART = 'function TIC()\n  cls(1)\n  local spins = 0\n  while true do\n    spins = spins + 1\n  end\nend\n';
/** 100 console lines a frame, the most the runner passes on: 6000 lines a second. */
const TRACING_CART = 'function TIC()\n  for i = 1, 100 do trace(i) end\nend\n';

interface Marks {
  /** performance.now() when Ctrl+R reached the page. */
  key?: number;
  /** performance.now() at the first animation frame after the busy notice was shown. */
  busy?: number;
}

async function openStudio(browser: Browser, server: WebServer): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (err) => console.error(`bench: studio page error: ${err.message}`));
  await page.goto(server.url);
  await waitForStudio(page);
  return page;
}

async function setCode(page: Page, code: string): Promise<void> {
  await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), code);
}

async function studioFps(page: Page): Promise<number> {
  await sleep(SETTLE_MS);
  const readings: number[] = [];
  for (let i = 0; i < FPS_READINGS; i++) {
    readings.push(await inStudio(page, ([g]) => g.__nibble.studioFps()));
    await sleep(FPS_READING_GAP_MS);
  }
  return median(readings);
}

async function stopCart(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await waitInStudio(page, ([g]) => g.__nibble.state() === 'stopped', undefined, { timeout: 5000 });
}

/** Starts the hung cart with Ctrl+R; returns ms from the key press to the busy notice on screen and the studio's fps meanwhile. */
async function hungTrial(page: Page): Promise<{ busyMs: number; fps: number }> {
  await setCode(page, HUNG_CART);
  const globals = await studioGlobals(page);
  // The marks stay in the page, set by its own listeners; the bench holds them by a handle.
  const marksInPage = await globals.evaluateHandle((g) => {
    const marks: Marks = {};
    g.addEventListener(
      'keydown',
      (e) => {
        if (e.ctrlKey && e.key.toLowerCase() === 'r' && marks.key === undefined) marks.key = g.performance.now();
      },
      true,
    );
    const notice = g.document.querySelector('.console-busy') as { hidden: boolean } | null;
    const observer = new g.MutationObserver(() => {
      if (!notice || notice.hidden) return;
      observer.disconnect();
      g.requestAnimationFrame(() => {
        marks.busy = g.performance.now();
      });
    });
    observer.observe(notice, { attributeFilter: ['hidden'] });
    return marks;
  });
  await page.keyboard.press('Control+R');
  await page.waitForFunction((m) => m.busy !== undefined, marksInPage, { timeout: 10_000 });
  const marks = await marksInPage.jsonValue();
  await marksInPage.dispose();
  await globals.dispose();
  if (marks.key === undefined || marks.busy === undefined) throw new Error('the studio bench missed the key press or the busy notice');
  const fps = await studioFps(page);
  await stopCart(page);
  return { busyMs: marks.busy - marks.key, fps };
}

function skipped(reason: string): Figure[] {
  return [
    { key: 'studio_fps_during_hang', value: null, unit: 'fps', about: reason },
    { key: 'studio_fps_running', value: null, unit: 'fps', about: reason },
    { key: 'studio_fps_hang_vs_running_ratio', value: null, unit: 'x', about: reason },
    { key: 'studio_fps_trace_flood', value: null, unit: 'fps', about: reason },
    { key: 'studio_busy_notice_ms', value: null, unit: 'ms', about: reason },
  ];
}

export async function studioBench(): Promise<Figure[]> {
  const executablePath = findChromium();
  if (!executablePath) return skipped("no Chromium found (install Debian's chromium or set NIBBLE_CHROMIUM)");
  if (!existsSync(`${RENDERER_DIR}/index.html`)) return skipped('the studio is not built (npm run build)');
  const server = await startWebServer({ port: 0, rootDir: RENDERER_DIR, log: () => {} });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  try {
    const page = await openStudio(browser, server);
    await setCode(page, RUNNING_CART);
    await page.keyboard.press('Control+R');
    const running = await studioFps(page);
    await stopCart(page);
    const flooded: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      await setCode(page, TRACING_CART);
      await page.keyboard.press('Control+R');
      flooded.push(await studioFps(page));
      await stopCart(page);
    }
    const trials: { busyMs: number; fps: number }[] = [];
    for (let i = 0; i < TRIALS; i++) trials.push(await hungTrial(page));
    const hung = median(trials.map((t) => t.fps));
    const where = 'headless Chromium, 1280x800, web studio served by the web fallback server';
    return [
      {
        key: 'studio_fps_during_hang',
        value: hung,
        unit: 'fps',
        about: `frames the studio drew per second (__nibble.studioFps()) while a cart hung in a loop; ${where}; median of ${TRIALS} runs`,
      },
      { key: 'studio_fps_running', value: running, unit: 'fps', about: 'the same while a small cart ran normally' },
      { key: 'studio_fps_hang_vs_running_ratio', value: hung / running, unit: 'x', about: 'studio fps during a hang / while running normally' },
      {
        key: 'studio_fps_trace_flood',
        value: median(flooded),
        unit: 'fps',
        about: `the same while a cart traced 100 lines a frame into the console (6000 a second); median of ${TRIALS}`,
      },
      {
        key: 'studio_busy_notice_ms',
        value: median(trials.map((t) => t.busyMs)),
        unit: 'ms',
        about: `Ctrl+R on a cart that hangs in its first frame -> the busy notice on screen (fresh runner, 250 ms threshold); median of ${TRIALS}`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
