// The studio's run of a cart, with a link that only records: the states the runner's messages lead
// to, what the studio is told, and what the run sends to or asks of the runner.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTextCart } from '../../runner/common/cart/index.js';
import { AUDIO_SAMPLES, type CartSource, type HostMessage, type RunnerMessage } from '../../runner/common/protocol.js';
import { compactFrame } from './message-samples.js';
import { BUSY_NOTICE_MS, CartRun, type CartRunEvents } from '../../renderer/cart-run.js';
import type { RunnerLink } from '../../renderer/runner-link/runner-link.js';
import { GrantStore } from '../../renderer/capabilities/grant-store.js';
import type { CapabilityQuestion } from '../../renderer/capabilities/run-grants.js';
import { pmemKeyOf } from '../../runner/common/pmem/pmem-key.js';
import type { KeyValueStorage } from '../../runner/common/pmem/pmem-store.js';
import { MAP_BYTES, PMEM_BYTES } from '../../runner/common/memory-map.js';
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
    inspection: record('inspection'),
    ram: record('ram'),
    reloaded: record('reloaded'),
    ask: record('ask'),
    cartWrite: record('cartWrite'),
  };
  return { events, log, states };
}

const CART = { cart: readTextCart('function TIC() cls(1) end\n', 'hello.lua'), name: 'hello.lua' };
/** The SHA-256 a cart from elsewhere is known by (any 64 hex digits will do here). */
const STRANGER = 'ab'.repeat(32);
const FRAME: RunnerMessage = {
  type: 'compact-frame',
  index: 1,
  compact: compactFrame(),
  audio: new Int16Array(AUDIO_SAMPLES),
  cursor: 0,
  relativeMouse: false,
  stats: { cpuMs: 4, luaMemory: 2048 },
};

function memoryStorage(): KeyValueStorage & { kept: Map<string, string> } {
  const kept = new Map<string, string>();
  return { kept, getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => void kept.set(key, value) };
}

/** A run of CART, the studio's own (hash null) or a stranger's; storage holds pmem and the answers. */
function started(
  hash: string | null = null,
  storage = memoryStorage(),
): { run: CartRun; link: RecordingLink; log: unknown[][]; states: StudioState[]; storage: ReturnType<typeof memoryStorage> } {
  const link = new RecordingLink();
  const { events, log, states } = recordingEvents();
  const run = new CartRun(link, storage, new GrantStore(storage), events);
  run.start(CART, hash);
  return { run, link, log, states, storage };
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
      ['paused', 2, [], {}],
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
    const stranger = started(STRANGER);
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

describe('capabilities of a cart from elsewhere', () => {
  const pmemEntry = `nibble.pmem.${pmemKeyOf(CART.cart)}`;
  const pmemOf = (first: number) => {
    const bytes = new Uint8Array(PMEM_BYTES);
    bytes[0] = first;
    return bytes;
  };
  const questions = (log: unknown[][]) => log.filter(([name]) => name === 'ask').map(([, q]) => q as CapabilityQuestion);

  it("the studio's own cart saves pmem at once and asks nothing", () => {
    const { link, log, storage } = started();
    link.runner({ type: 'pmem', bytes: pmemOf(7) });
    assert.equal(storage.kept.get(pmemEntry)?.slice(0, 2), '07');
    assert.deepEqual(questions(log), []);
  });

  it("holds a stranger's pmem out of storage until Allow, asks once, then stores the latest", () => {
    const { link, log, storage } = started(STRANGER);
    link.runner({ type: 'pmem', bytes: pmemOf(1) });
    link.runner({ type: 'pmem', bytes: pmemOf(2) });
    assert.equal(storage.kept.get(pmemEntry), undefined, 'nothing reached storage');
    const [question, ...more] = questions(log);
    assert.deepEqual(more, [], 'asked once per run');
    assert.equal(question.capability, 'save');
    assert.equal(question.cartName, 'hello.lua');
    question.answer('allow');
    assert.equal(storage.kept.get(pmemEntry)?.slice(0, 2), '02');
    link.runner({ type: 'pmem', bytes: pmemOf(3) });
    assert.equal(storage.kept.get(pmemEntry)?.slice(0, 2), '03', 'granted: later writes go straight on');
  });

  it('denied pmem never reaches storage, yet the next run in this page starts from it; a changed cart asks again', () => {
    const storage = memoryStorage();
    const first = started(STRANGER, storage);
    first.link.runner({ type: 'pmem', bytes: pmemOf(5) });
    questions(first.log)[0].answer('deny');
    first.link.runner({ type: 'pmem', bytes: pmemOf(6) });
    assert.equal(storage.kept.get(pmemEntry), undefined);
    assert.deepEqual(questions(first.log).length, 1, 'a denied cart is not asked again');

    const again = started(STRANGER, storage);
    again.link.runner({ type: 'pmem', bytes: pmemOf(8) });
    assert.deepEqual(questions(again.log), [], 'the answer is kept for the same content');

    const changed = started('cd'.repeat(32), storage);
    changed.link.runner({ type: 'pmem', bytes: pmemOf(9) });
    const [question] = questions(changed.log);
    assert.equal(question.capability, 'save');
    assert.equal(question.changed, true, 'the prompt says the cart changed');
  });

  it("a stranger's relative mouse mode reaches the studio only once granted", () => {
    const { link, log } = started(STRANGER);
    const relative: RunnerMessage = { ...FRAME, relativeMouse: true };
    link.runner(relative);
    const shown = () => log.filter(([name]) => name === 'frame').map(([, f]) => (f as { relativeMouse: boolean }).relativeMouse);
    assert.deepEqual(shown(), [false]);
    const [question] = questions(log);
    assert.equal(question.capability, 'mouse-lock');
    question.answer('deny');
    link.runner(relative);
    assert.deepEqual(shown(), [false, false]);
    const other = started('ef'.repeat(32));
    other.link.runner(relative);
    questions(other.log)[0].answer('session');
    other.link.runner(relative);
    assert.deepEqual(
      other.log.filter(([name]) => name === 'frame').map(([, f]) => (f as { relativeMouse: boolean }).relativeMouse),
      [false, true],
    );
  });

  it("a stranger's writes into its cart reach the open cart only once granted, the held ones then", () => {
    const { link, log } = started(STRANGER);
    const map = new Uint8Array(MAP_BYTES).fill(4);
    link.runner({ type: 'cart', bank: 2, data: { map } });
    const writes = () => log.filter(([name]) => name === 'cartWrite');
    assert.deepEqual(writes(), []);
    const [question] = questions(log);
    assert.equal(question.capability, 'cart-write');
    question.answer('allow');
    assert.deepEqual(writes(), [['cartWrite', 2, { map }]]);
    const own = started();
    own.link.runner({ type: 'cart', bank: 0, data: { map } });
    assert.deepEqual(
      own.log.filter(([name]) => name === 'cartWrite'),
      [['cartWrite', 0, { map }]],
      "the studio's own cart writes at once",
    );
  });
});
