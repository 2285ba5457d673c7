// RIFF/WAVE encoding of the chip's output: 16-bit PCM, stereo, 44 100 Hz. Host-agnostic: returns
// bytes, the host writes them. For streaming, write wavHeader(total frames) and then the samples.
import { SAMPLE_RATE } from './synthesizer.js';

const CHANNELS = 2;
const BYTES_PER_SAMPLE = 2;
const HEADER_BYTES = 44;

/** The 44-byte header for `frames` stereo sample frames. */
export function wavHeader(frames: number): Uint8Array {
  const dataBytes = frames * CHANNELS * BYTES_PER_SAMPLE;
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  const ascii = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i++) header[at + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, HEADER_BYTES - 8 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, CHANNELS, true);
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * CHANNELS * BYTES_PER_SAMPLE, true);
  view.setUint16(32, CHANNELS * BYTES_PER_SAMPLE, true);
  view.setUint16(34, 8 * BYTES_PER_SAMPLE, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  return header;
}

/** Interleaved left/right s16 samples as little-endian bytes, whatever the host's byte order. */
export function wavSampleBytes(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * BYTES_PER_SAMPLE);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * BYTES_PER_SAMPLE, samples[i], true);
  return bytes;
}

/** A complete WAV file of interleaved left/right s16 samples. */
export function encodeWav(samples: Int16Array): Uint8Array {
  if (samples.length % CHANNELS !== 0) throw new RangeError('stereo samples come in left/right pairs');
  const file = new Uint8Array(HEADER_BYTES + samples.length * BYTES_PER_SAMPLE);
  file.set(wavHeader(samples.length / CHANNELS), 0);
  file.set(wavSampleBytes(samples), HEADER_BYTES);
  return file;
}
