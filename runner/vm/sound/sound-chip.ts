// The cart machine's sound chip (reference §6): sfx() and music() requests, the per-frame sound
// tick that recomputes the registers in RAM, and the synthesis of each frame's samples from what
// the registers hold at the end of the frame. Host-agnostic: works on RAM only.
import { PCM_ADDR, PCM_BYTES, SOUND_REGISTERS_ADDR, SOUND_REGISTERS_BYTES, STEREO_VOLUME_ADDR } from '../../common/memory-map.js';
import { MusicPlayer } from './music-player.js';
import { SoundChannel } from './sound-channel.js';
import { MUSIC_TRACKS, MusicStatus, SFX_COUNT, SOUND_CHANNELS, sfxStateAddr } from './sound-layout.js';
import { Synthesizer } from './synthesizer.js';

export { FRAME_SAMPLES, SAMPLE_RATE } from './synthesizer.js';

/** Channel volumes 0..15 for the left and right side. */
export interface StereoVolume {
  left: number;
  right: number;
}

export class SoundChip {
  readonly #sfxChannels: SoundChannel[];
  readonly #musicPlayer: MusicPlayer;
  readonly #synthesizer = new Synthesizer();

  readonly #ram: Uint8Array;
  constructor(ram: Uint8Array) {
    this.#ram = ram;
    // sfx() channels publish their envelope steps in RAM (0x0FF8C); music channels do not.
    this.#sfxChannels = Array.from({ length: SOUND_CHANNELS }, (_, c) => new SoundChannel(new Int8Array(ram.buffer, ram.byteOffset + sfxStateAddr(c), 4)));
    this.#musicPlayer = new MusicPlayer(ram);
  }

  /**
   * Silences the machine as a cart start does: every channel idle (sfx state bytes -1), registers
   * cleared, music stopped (track -1). The synthesizer keeps its phases, so audio stays continuous.
   */
  reset(): void {
    for (const channel of this.#sfxChannels) channel.reset();
    this.#musicPlayer.reset();
    this.#ram.fill(0, SOUND_REGISTERS_ADDR, SOUND_REGISTERS_ADDR + SOUND_REGISTERS_BYTES);
  }

  /**
   * The sound tick at the start of a frame, before TIC (reference §2 step 2.1): clear registers and
   * PCM, open all stereo volumes, advance the music, then the sfx() channels, which override music
   * on the same channel whenever they sound.
   */
  tick(): void {
    const ram = this.#ram;
    ram.fill(0, SOUND_REGISTERS_ADDR, SOUND_REGISTERS_ADDR + SOUND_REGISTERS_BYTES);
    ram.fill(0, PCM_ADDR, PCM_ADDR + PCM_BYTES);
    ram.fill(0xff, STEREO_VOLUME_ADDR, STEREO_VOLUME_ADDR + SOUND_CHANNELS);
    this.#musicPlayer.process();
    for (let c = 0; c < SOUND_CHANNELS; c++) {
      const channel = this.#sfxChannels[c];
      if (channel.index >= 0) channel.step(ram, c, channel.note, 0);
    }
  }

  /**
   * sfx() with resolved arguments (see resolveSfxArgs): plays sample id (-1 or any negative id
   * stops the channel) at a note index (note + 12 * octave, 0-based octave; clamped to the table
   * when played) for duration frames (-1 forever) at a speed (-4..3, otherwise the sample's own).
   * It is heard from the next tick on.
   */
  sfx(id: number, note: number, duration: number, channel: number, volume: StereoVolume, speed: number): void {
    if (id >= SFX_COUNT) throw new RangeError(`unknown sfx index ${id}`);
    if (!(channel >= 0 && channel < SOUND_CHANNELS)) throw new RangeError(`unknown channel ${channel}`);
    this.#sfxChannels[channel].start(this.#ram, id, note, duration, volume.left & 15, volume.right & 15, speed);
  }

  /**
   * music() with resolved arguments: a negative track stops the music; otherwise the current music
   * stops and the track (0..7) starts at the next tick from frame (negative: 0) and row (negative:
   * 0), with tempo and speed overriding the track's when >= 0. With `frameOnly` the music stays in
   * its frame (the music editor's "play frame"): it repeats it when looping, else stops at its end.
   */
  music(track: number, frame = -1, row = -1, loop = true, sustain = false, tempo = -1, speed = -1, frameOnly = false): void {
    if (track >= MUSIC_TRACKS) throw new RangeError(`invalid music track index ${track}`);
    this.#musicPlayer.stop();
    if (track < 0) return;
    const status = frameOnly ? MusicStatus.PlayFrame : MusicStatus.Play;
    this.#musicPlayer.start(track, frame, row, loop, sustain, tempo, speed, status);
  }

  /**
   * Renders one video frame of audio from the registers, stereo volumes and PCM as they are now:
   * call it once per frame after TIC (and OVR), so pokes made during the frame are heard.
   * out receives FRAME_SAMPLES (735) interleaved left/right s16 pairs at SAMPLE_RATE (44 100 Hz).
   */
  synthesize(out: Int16Array): void {
    this.#synthesizer.render(this.#ram, out);
  }
}
