// The console API: every function a cart's Lua state binds as a global (reference section 1).
import type { SoundChip } from '../sound/sound-chip.js';
import type { ApiContext, ApiFunction } from './context.js';
import { graphicsApi } from './graphics-api.js';
import { inputApi } from './input-api.js';
import { memoryApi } from './memory-api.js';
import { soundApi } from './sound-api.js';
import { systemApi } from './system-api.js';

export function consoleApi(ctx: ApiContext, sound: SoundChip): ApiFunction[] {
  return [graphicsApi(ctx), inputApi(ctx), memoryApi(ctx), soundApi(ctx, sound), systemApi(ctx)].flat();
}
