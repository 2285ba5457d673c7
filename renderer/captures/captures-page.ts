// Settings' Captures page: the screenshot and GIF scale, the GIF's longest recording and its rate.
import { el } from '../dom.js';
import type { SettingsPage } from '../settings/settings-dialog.js';
import { CAPTURE_SCALES, GIF_SECONDS, type CaptureSettings, type GifFps } from './capture-settings.js';

function choice<T extends number>(label: string, name: string, values: readonly T[], current: T, shown: (v: T) => string, change: (v: T) => void): HTMLElement {
  const select = el('select', 'settings-choice');
  select.name = name;
  for (const value of values) {
    const option = el('option', undefined, shown(value));
    option.value = String(value);
    option.selected = value === current;
    select.append(option);
  }
  select.addEventListener('change', () => change(Number(select.value) as T));
  return el('label', 'settings-row', el('span', undefined, label), select);
}

export function capturesPage(settings: () => CaptureSettings, change: (settings: CaptureSettings) => void): SettingsPage {
  return {
    id: 'captures',
    title: 'Captures',
    render: () => {
      const now = settings();
      return el(
        'div',
        'captures-page',
        el('p', 'settings-note', 'F8 saves a screenshot, F9 starts and stops a GIF recording, F7 makes the current frame the cart’s cover.'),
        choice(
          'Scale',
          'scale',
          CAPTURE_SCALES,
          now.scale as (typeof CAPTURE_SCALES)[number],
          (v) => `x${v} (${256 * v} x ${144 * v})`,
          (scale) => change({ ...settings(), scale }),
        ),
        choice(
          'GIF length',
          'gif-seconds',
          GIF_SECONDS,
          now.gifSeconds as (typeof GIF_SECONDS)[number],
          (v) => `up to ${v} s`,
          (gifSeconds) => change({ ...settings(), gifSeconds }),
        ),
        choice<GifFps>(
          'GIF rate',
          'gif-fps',
          [30, 60],
          now.gifFps,
          (v) => (v === 60 ? '60 fps, every frame' : '30 fps, every other frame'),
          (gifFps) => change({ ...settings(), gifFps }),
        ),
      );
    },
  };
}
