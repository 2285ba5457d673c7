// The sound of the SFX and Music editors: a sound chip of its own, fed with the open cart's bank 0
// sound data at the RAM addresses a cart sees (so it plays exactly as sfx() and music() would),
// ticked and synthesized once per 1/60 s while something plays, its frames pushed to the studio's
// audio output like a running cart's.
import { FRAME_MS } from '../../../runner/common/frame-rate.js';
import { MUSIC_PATTERNS_ADDR, MUSIC_TRACKS_ADDR, RAM_BYTES, SFX_ADDR, WAVEFORMS_ADDR } from '../../../runner/common/memory-map.js';
import { FRAME_SAMPLES, SoundChip } from '../../../runner/vm/sound/sound-chip.js';
import { MusicStatus, SOUND_CHANNELS, musicState, registerAddr, sfxStateAddr } from '../../../runner/vm/sound/sound-layout.js';
import type { EditorHost } from '../editor-host.js';

/** How often the loop looks at the clock; frames are produced by the clock, not by the timer. */
const PUMP_MS = 8;
/** After a stall (a busy page, a background tab), skip ahead rather than burst out old sound. */
const MAX_CATCH_UP = 4;
const FULL_VOLUME = { left: 15, right: 15 };
/** Outside sfx()'s -4..3, so the sample plays at its own speed. */
const SAMPLE_OWN_SPEED = 4;

export interface MusicPosition {
  track: number;
  frame: number;
  row: number;
}

export class SoundPreview {
  readonly #ram = new Uint8Array(RAM_BYTES);
  readonly #chip = new SoundChip(this.#ram);
  readonly #frame = new Int16Array(FRAME_SAMPLES * 2);
  /** Frames each channel's sfx still sounds (Infinity until stopped); the loop runs while any does. */
  readonly #sfxFrames = new Array<number>(SOUND_CHANNELS).fill(0);
  readonly #muted = new Array<boolean>(SOUND_CHANNELS).fill(false);
  readonly #frameListeners: ((samples: Int16Array) => void)[] = [];
  readonly #stopListeners: (() => void)[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #startedAt = 0;
  #produced = 0;

  readonly #host: EditorHost;
  constructor(host: EditorHost) {
    this.#host = host;
    this.#chip.reset();
    this.#load();
    host.onCartChange(() => this.#load());
    // Another cart's sound stops with it.
    host.onCartReplaced(() => this.stopAll());
  }

  get playing(): boolean {
    return this.#timer !== undefined;
  }

  /** Plays a sample on a channel for `frames` frames (Infinity: until stopSfx). Call from a user gesture. */
  sfx(id: number, note: number, channel: number, frames = Infinity): void {
    this.#chip.sfx(id, note, -1, channel, FULL_VOLUME, SAMPLE_OWN_SPEED);
    this.#sfxFrames[channel] = frames;
    this.#run();
  }

  stopSfx(channel: number): void {
    this.#chip.sfx(-1, 0, -1, channel, FULL_VOLUME, SAMPLE_OWN_SPEED);
    this.#sfxFrames[channel] = 0;
  }

  /** SoundChip.music with the editor's options. Call from a user gesture. */
  music(track: number, frame: number, row: number, loop: boolean, frameOnly: boolean): void {
    this.#chip.music(track, frame, row, loop, false, -1, -1, frameOnly);
    this.#run();
  }

  stopMusic(): void {
    this.#chip.music(-1);
  }

  stopAll(): void {
    this.stopMusic();
    for (let c = 0; c < SOUND_CHANNELS; c++) this.stopSfx(c);
    this.#halt();
  }

  /** A muted channel is computed as usual but not heard (the music editor's channel switches). */
  setMuted(channel: number, muted: boolean): void {
    this.#muted[channel] = muted;
  }

  /** Where the music is, or null when it is stopped. */
  musicPosition(): MusicPosition | null {
    if (musicState.status(this.#ram) === MusicStatus.Stop) return null;
    return { track: musicState.track(this.#ram), frame: musicState.frame(this.#ram), row: musicState.row(this.#ram) };
  }

  /** The envelope step (0..29) a channel's sfx is at, or -1 when it is idle. */
  sfxStep(channel: number, envelope: number): number {
    const v = this.#ram[sfxStateAddr(channel) + envelope];
    return v > 127 ? v - 256 : v;
  }

  /** After each frame is produced: its 735 interleaved stereo samples. */
  onFrame(listener: (samples: Int16Array) => void): void {
    this.#frameListeners.push(listener);
  }

  /** When nothing plays any more. */
  onStop(listener: () => void): void {
    this.#stopListeners.push(listener);
  }

  #load(): void {
    const bank = this.#host.cart().banks[0];
    this.#ram.set(bank.waveforms, WAVEFORMS_ADDR);
    this.#ram.set(bank.sfx, SFX_ADDR);
    this.#ram.set(bank.patterns, MUSIC_PATTERNS_ADDR);
    this.#ram.set(bank.tracks, MUSIC_TRACKS_ADDR);
  }

  #run(): void {
    // Browsers start audio only from a user gesture; callers are key and click handlers.
    this.#host.audio.start().catch((error: unknown) => console.warn('the sound could not start', error));
    if (this.#timer !== undefined) return;
    this.#startedAt = performance.now();
    this.#produced = 0;
    this.#timer = setInterval(() => this.#pump(), PUMP_MS);
    this.#pump();
  }

  #pump(): void {
    const due = Math.floor((performance.now() - this.#startedAt) / FRAME_MS) + 1;
    if (due - this.#produced > MAX_CATCH_UP) this.#produced = due - MAX_CATCH_UP;
    while (this.#timer !== undefined && this.#produced < due) {
      this.#produced++;
      this.#step();
    }
  }

  #step(): void {
    this.#chip.tick();
    for (let c = 0; c < SOUND_CHANNELS; c++) {
      // Volume is the register's high nibble of byte 1.
      if (this.#muted[c]) this.#ram[registerAddr(c) + 1] &= 0x0f;
    }
    this.#chip.synthesize(this.#frame);
    this.#host.audio.push(this.#frame);
    for (const listener of this.#frameListeners) listener(this.#frame);
    for (let c = 0; c < SOUND_CHANNELS; c++) {
      if (this.#sfxFrames[c] > 0 && --this.#sfxFrames[c] === 0) this.stopSfx(c);
    }
    if (musicState.status(this.#ram) === MusicStatus.Stop && this.#sfxFrames.every((f) => f <= 0)) this.#halt();
  }

  #halt(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#host.audio.silence();
    for (const listener of this.#stopListeners) listener();
  }
}
