// One runner link shared by the studio's run and the player: messages reach the view that started
// the runner last, and a view taking over hears nothing more while the other is told it stopped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CartSource, HostMessage, RunnerMessage } from '../../runner/common/protocol.js';
import { STOPPED_BY_HOST, type RunnerLink } from '../../renderer/runner-link/runner-link.js';
import { SharedRunnerLink } from '../../renderer/runner-link/shared-link.js';

class RecordingLink implements RunnerLink {
  readonly started: string[] = [];
  readonly sent: HostMessage[] = [];
  stops = 0;
  #listener: (msg: RunnerMessage) => void = () => {};
  start(cart: CartSource): void {
    this.started.push(cart.name);
  }
  send(msg: HostMessage): void {
    this.sent.push(msg);
  }
  stop(): void {
    this.stops += 1;
    this.#listener(STOPPED_BY_HOST);
  }
  onMessage(cb: (msg: RunnerMessage) => void): void {
    this.#listener = cb;
  }
  emit(msg: RunnerMessage): void {
    this.#listener(msg);
  }
}

const cart = (name: string): CartSource => ({ name, code: '' });
const options = { deterministic: false, pacing: 'realtime' } as const;
const exit: RunnerMessage = { type: 'exit' };

function views() {
  const link = new RecordingLink();
  const shared = new SharedRunnerLink(link);
  const studio = shared.view();
  const player = shared.view();
  const heard = { studio: [] as RunnerMessage[], player: [] as RunnerMessage[] };
  studio.onMessage((msg) => heard.studio.push(msg));
  player.onMessage((msg) => heard.player.push(msg));
  return { link, studio, player, heard };
}

describe('shared runner link', () => {
  it("sends the runner's messages to the view that started it only", () => {
    const { link, studio, heard } = views();
    studio.start(cart('a.lua'), options);
    link.emit(exit);
    assert.deepEqual(heard.studio, [exit]);
    assert.deepEqual(heard.player, []);
  });

  it('tells the previous view its runner stopped when another view starts one, and no longer lets it send or stop', () => {
    const { link, studio, player, heard } = views();
    studio.start(cart('a.lua'), options);
    player.start(cart('b.lua'), options);
    assert.deepEqual(link.started, ['a.lua', 'b.lua']);
    assert.deepEqual(heard.studio, [STOPPED_BY_HOST]);
    studio.send({ type: 'break' });
    studio.stop();
    assert.deepEqual(link.sent, []);
    assert.equal(link.stops, 0, "the studio's stop does not end the player's runner");
    player.send({ type: 'break' });
    player.stop();
    assert.deepEqual(link.sent, [{ type: 'break' }]);
    assert.deepEqual(heard.player, [STOPPED_BY_HOST]);
    assert.deepEqual(heard.studio, [STOPPED_BY_HOST]);
  });
});
