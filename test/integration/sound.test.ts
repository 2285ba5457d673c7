// Sound rendered headless through a real runner and `nibble run --wav`: the file's format, the
// pitch of a note measured from its samples, silence after the note ends, stereo muting, and a
// golden hash that pins the whole output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { peakFrequency, SAMPLE_RATE } from '../fixtures/audio-analysis.js';

const cli = join(process.cwd(), 'dist/runner/node/cli/cli.js');
const work = mkdtempSync(join(tmpdir(), 'nibble-sound-'));
const SAMPLES_PER_FRAME = 735;

/** Sample 0 plays waveform 1 (one triangle period) at full volume; byte 61 holds the mute bits. */
function cart(extra = ''): string {
  return [
    'function BOOT()',
    '  for t = 0, 29 do poke(0x100E4 + t * 2, 0x10) end',
    extra,
    '  sfx(0, "A-5", 30, 0, 15)',
    'end',
    'function TIC() cls(0) end',
  ].join('\n');
}

function render(name: string, code: string, frames: number): { bytes: Buffer; left: Int16Array; right: Int16Array } {
  const path = join(work, `${name}.lua`);
  const wav = join(work, `${name}.wav`);
  writeFileSync(path, code);
  const out = spawnSync(process.execPath, [cli, 'run', path, '--frames', String(frames), '--deterministic', '--wav', wav], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const bytes = readFileSync(wav);
  const samples = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + bytes.length));
  return { bytes, left: samples.filter((_, i) => i % 2 === 0), right: samples.filter((_, i) => i % 2 === 1) };
}

const frames = (samples: Int16Array, from: number, to: number) => samples.subarray(from * SAMPLES_PER_FRAME, to * SAMPLES_PER_FRAME);
const peak = (samples: Int16Array) => samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

it('--wav writes 44.1 kHz stereo s16: one note measures A-5 and ends in silence', () => {
  const { bytes, left, right } = render('note', cart(), 60);
  assert.equal(bytes.toString('latin1', 0, 4), 'RIFF');
  assert.equal(bytes.readUInt16LE(22), 2, 'channels');
  assert.equal(bytes.readUInt32LE(24), SAMPLE_RATE, 'sample rate');
  assert.equal(bytes.readUInt16LE(34), 16, 'bits per sample');
  assert.equal(bytes.length, 44 + 60 * SAMPLES_PER_FRAME * 4);
  // TIC-80's chip divides its clock into whole steps, so A-5 (440 Hz) sounds at 444.1 Hz.
  const freq = peakFrequency(frames(left, 4, 24), 400, 500);
  assert.ok(Math.abs(freq - 440) / 440 < 0.01, `A-5 measured at ${freq} Hz`);
  assert.ok(peak(frames(left, 4, 24)) > 1000, 'the note is audible');
  assert.equal(peak(frames(left, 40, 60)), 0, 'silence after the note ends');
  assert.deepEqual(frames(left, 4, 24), frames(right, 4, 24), 'both sides play the same');
});

it("the sample's mute-left bit silences the left side only", () => {
  const { left, right } = render('muted', cart('  poke(0x100E4 + 61, peek(0x100E4 + 61) | 0x10)'), 30);
  assert.equal(peak(frames(left, 2, 28)), 0, 'left is muted');
  assert.ok(peak(frames(right, 2, 28)) > 1000, 'right still plays');
});

it('rendered audio matches its golden hash', () => {
  const { bytes } = render('golden', cart(), 60);
  assert.equal(createHash('sha256').update(bytes).digest('hex'), '65bbe69cacf6a4d848760daa67fc2fdb3af33ecdcab5606ff92c37d2d258fd66');
});
