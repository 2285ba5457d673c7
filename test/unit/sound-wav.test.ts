// The WAV writer: a 44-byte RIFF header for 16-bit stereo PCM at 44 100 Hz, then the samples.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeWav, wavHeader } from '../../runner/vm/sound/wav.js';

const ascii = (bytes: Uint8Array, at: number, n: number): string => String.fromCharCode(...bytes.subarray(at, at + n));

describe('sound: WAV writer', () => {
  it('writes the RIFF/WAVE header fields for s16 stereo at 44 100 Hz', () => {
    const file = encodeWav(new Int16Array([1, -1, 0x1234, -32768]));
    const view = new DataView(file.buffer);
    assert.equal(file.length, 44 + 8);
    assert.equal(ascii(file, 0, 4), 'RIFF');
    assert.equal(view.getUint32(4, true), 36 + 8);
    assert.equal(ascii(file, 8, 8), 'WAVEfmt ');
    assert.equal(view.getUint32(16, true), 16);
    assert.equal(view.getUint16(20, true), 1, 'PCM');
    assert.equal(view.getUint16(22, true), 2, 'stereo');
    assert.equal(view.getUint32(24, true), 44100);
    assert.equal(view.getUint32(28, true), 44100 * 4, 'byte rate');
    assert.equal(view.getUint16(32, true), 4, 'block align');
    assert.equal(view.getUint16(34, true), 16, 'bits per sample');
    assert.equal(ascii(file, 36, 4), 'data');
    assert.equal(view.getUint32(40, true), 8);
    assert.deepEqual([...file.subarray(44)], [0x01, 0x00, 0xff, 0xff, 0x34, 0x12, 0x00, 0x80], 'little-endian samples');
  });

  it('gives a streaming header the same sizes as a whole file', () => {
    const file = encodeWav(new Int16Array(2 * 735));
    assert.deepEqual(wavHeader(735), file.subarray(0, 44));
  });

  it('rejects an odd number of samples', () => {
    assert.throws(() => encodeWav(new Int16Array(3)), RangeError);
  });
});
