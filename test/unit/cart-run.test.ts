// The studio's run of a cart, with a link that only records: the states the runner's messages lead
// to, what the studio is told, and what the run sends to or asks of the runner.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTextCart } from '../../runner/common/cart/index.js';
import { AUDIO_SAMPLES, type CartSource, type HostMessage, type RunnerMessage } from '../../runner/common/protocol.js';
import { compactFrame } from './message-samples.js';
import { BUSY_NOTICE_MS, CartRun, type CartRunEvents } from '../../renderer/cart-run.js';
import type { RunnerLink } from '../../renderer/runner-link/runner-link.js';
import type { StudioState } from '../../renderer/studio-state.js';

/** A runner link that records what the run asks of it and lets the test play the runner. */
class RecordingLink implements RunnerLink {
  readonly started: CartSource[] = [];
  readonly sent: HostMessage[] = [];
  stops = 0;
  #listener: (msg: RunnerMessage) => void = () => {};

  start(cart: CartSource): void {
    this.started.push(cart);
  }
  send(msg: HostMessage): void {
    this.sent.push(msg);
  }
  stop(): void {
    this.stops++;
    this.runner({ type: 'gone', reason: 'stopped', code: null, signal: null });
  }
  onMessage(cb: (msg: RunnerMessage) => void): void {
    this.#listener = cb;
  }
  runner(msg: RunnerMessage): void {
    this.#listener(msg);
  }
}

/** Every event the run reports, as [name, ...arguments]. */
function recordingEvents(): { events: CartRunEvents; log: unknown[][]; states: StudioState[] } {
  const log: unknown[][] = [];
  const states: StudioState[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      log.push([name, ...args]);
  const events: CartRunEvents = {
    stateChanged: (state) => states.push(state),
    frame: record('frame'),
    sandbox: record('sandbox'),
    trace: record('trace'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    failed: record('failed'),
    busy: record('busy'),
    paused: record('paused'),
  };
  return { events, log, states };
}

const CART = { cart: readTextCart('function TIC() cls(1) end\n', 'hello.lua'), name: 'hello.lua', fromElsewhere: false };
const FRAME: RunnerMessage = {
  type: 'compact-frame',
  index: 1,
  compact: compactFrame(),
  audio: new Int16Array(AUDIO_SAMPLES),
  cursor: 0,
  relativeMouse: false,
  stats: { cpuMs: 4, luaMemory: 2048 },
};

function started(doc = CART): { run: CartRun; link: RecordingLink; log: unknown[][]; states: StudioState[] } {
  const link = new RecordingLink();
  const { events, log, states } = recordingEvents();
  const kept = new Map<string, string>();
  const storage = { getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => void kept.set(key, value) };
  const run = new CartRun(link, storage, events);
  run.start(doc);
  return { run, link, log, states };
}

describe('cart run', () => {
  it('starts the cart in a runner and is running', () => {
    const { run, link, states } = started();
    assert.equal(link.started.length, 1);
    assert.equal(link.started[0].name, 'hello.lua');
    assert.deepEqual(states, ['running']);
    assert.equal(run.running, true);
  });

  it('ends the run on an error and on a hung cart alike: reported at its line, state error, runner stopped', () => {
    for (const msg of [
      { type: 'error', message: 'hello.lua:3: attempt to index a nil value', line: 3, traceback: 'stack traceback: ...' },
      { type: 'hung', message: 'hello.lua: the frame ran past its instruction budget', line: 3 },
    ] as const) {
      const { run, link, log, states } = started();
      link.runner(msg);
      assert.deepEqual(log, [['failed', msg.message, 3, msg.type === 'error' ? msg.traceback : undefined]]);
      assert.deepEqual(states, ['running', 'error'], 'the stop that follows reports nothing more');
      assert.equal(link.stops, 1);
      assert.equal(run.state, 'error');
    }
  });

  it(`reports a frame busy from ${BUSY_NOTICE_MS} ms, and running again at the next frame`, () => {
    const { run, link, log, states } = started();
    link.runner({ type: 'busy', ms: BUSY_NOTICE_MS - 1, line: 4 });
    assert.equal(run.state, 'running');
    link.runner({ type: 'busy', ms: BUSY_NOTICE_MS, line: 4 });
    assert.equal(run.state, 'busy');
    link.runner(FRAME);
    assert.deepEqual(states, ['running', 'busy', 'running']);
    assert.deepEqual(
      log.map(([name]) => name),
      ['busy', 'frame'],
    );
    assert.equal(run.stats(performance.now()).luaMemory, 2048);
  });

  it('pauses and resumes, and shows no frame once stopped', () => {
    const { run, link, log, states } = started();
    link.runner({ type: 'paused', line: 2, stack: [] });
    link.runner({ type: 'resumed' });
    run.stop();
    link.runner(FRAME);
    assert.deepEqual(states, ['running', 'paused', 'running', 'stopped']);
    assert.deepEqual(log, [
      ['paused', 2, []],
      ['info', 'Stopped.'],
    ]);
  });

  it('says how a crashed runner ended', () => {
    const { link, log, states } = started();
    link.runner({ type: 'gone', reason: 'crashed', code: null, signal: 'SIGSYS' });
    assert.deepEqual(log, [['failed', 'The runner ended unexpectedly (signal SIGSYS).']]);
    assert.deepEqual(states, ['running', 'error']);
  });

  it('warns when a cart from elsewhere runs without the kernel sandbox, and only then', () => {
    const off = { on: false, detail: 'no addon' };
    const own = started();
    own.link.runner({ type: 'ready', hookMode: 'on-demand', sandbox: off });
    assert.deepEqual(own.log, [['sandbox', off]]);
    const stranger = started({ ...CART, fromElsewhere: true });
    stranger.link.runner({ type: 'ready', hookMode: 'on-demand', sandbox: off });
    assert.equal(stranger.log[1][0], 'warn');
    assert.match(String(stranger.log[1][1]), /^hello\.lua did not come from this studio, and it runs without the kernel sandbox \(no addon\)/);
  });

  it('sends console code only to a live cart', () => {
    const { run, link } = started();
    assert.equal(run.evaluate('1+2'), true);
    run.stop();
    assert.equal(run.evaluate('1+2'), false);
    assert.deepEqual(link.sent, [{ type: 'eval', code: '1+2' }]);
  });
});
