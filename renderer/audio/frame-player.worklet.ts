// The audio worklet that plays the runner's sound: frames arrive over the port and play through a
// jitter buffer; volume and mute apply smoothly; silence is real silence. Runs in the
// AudioWorkletGlobalScope, which has no DOM and no `self`.
import { CHIP_SAMPLE_RATE, FRAME_PLAYER, type PlayerMessage } from './audio-messages.js';
import { JitterBuffer } from './jitter-buffer.js';
import { unreachable } from '../../runner/common/unreachable.js';

// The AudioWorkletGlobalScope names this module uses (they are not in TypeScript's DOM library).
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

class FramePlayer extends AudioWorkletProcessor {
  readonly #buffer = new JitterBuffer(CHIP_SAMPLE_RATE / sampleRate);
  #volume = 1;
  #muted = false;
  #gain = 1;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<PlayerMessage>) => this.#receive(event.data);
  }

  #receive(message: PlayerMessage): void {
    switch (message.type) {
      case 'frame':
        this.#buffer.push(message.samples);
        break;
      case 'volume':
        this.#volume = Math.min(1, Math.max(0, message.gain));
        break;
      case 'muted':
        this.#muted = message.muted;
        break;
      case 'silence':
        this.#buffer.silence();
        break;
      default:
        unreachable(message);
    }
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const [left, right] = outputs[0];
    const target = this.#muted ? 0 : this.#volume;
    this.#buffer.read(left, right, this.#gain, target);
    this.#gain = target;
    return true;
  }
}

registerProcessor(FRAME_PLAYER, FramePlayer);
