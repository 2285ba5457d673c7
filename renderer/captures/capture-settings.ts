// How captures are made, as the player set them in Settings: the screenshot's integer scale, and
// the GIF's longest recording and its frame rate (the cart's 60 fps, or every other frame).
import type { KeyValueStorage } from '../../runner/common/pmem/pmem-store.js';
import { readStoredJson, writeStoredJson } from '../stored-json.js';

export interface CaptureSettings {
  /** Each frame pixel becomes scale x scale picture pixels, in screenshots and GIFs. */
  scale: number;
  /** A recording stops by itself after this many seconds. */
  gifSeconds: number;
  gifFps: GifFps;
}

export type GifFps = 60 | 30;

export const CAPTURE_SCALES = [1, 2, 3, 4, 5, 6] as const;
export const GIF_SECONDS = [1, 3, 5, 10, 15, 30, 60] as const;
export const DEFAULT_CAPTURE_SETTINGS: CaptureSettings = { scale: 2, gifSeconds: 10, gifFps: 30 };

const STORAGE_KEY = 'nibble.captures.v1';

export function loadCaptureSettings(storage: KeyValueStorage): CaptureSettings {
  const value = (readStoredJson(storage, STORAGE_KEY) ?? {}) as Partial<Record<keyof CaptureSettings, unknown>>;
  const pick = <T>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);
  return {
    scale: pick(value.scale, CAPTURE_SCALES, DEFAULT_CAPTURE_SETTINGS.scale),
    gifSeconds: pick(value.gifSeconds, GIF_SECONDS, DEFAULT_CAPTURE_SETTINGS.gifSeconds),
    gifFps: pick<GifFps>(value.gifFps, [60, 30], DEFAULT_CAPTURE_SETTINGS.gifFps),
  };
}

/** False when the storage refused it: the settings then last until the page closes. */
export function saveCaptureSettings(storage: KeyValueStorage, settings: CaptureSettings): boolean {
  return writeStoredJson(storage, STORAGE_KEY, settings);
}
