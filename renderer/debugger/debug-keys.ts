// The debugger's keys while the cart is paused, as in VS Code: F5 continues, F10 steps over, F11
// steps into, Shift+F11 steps out. Taken before the editors' own keys (F5 is the music editor's
// otherwise), and only while paused.
import type { StepKind } from '../../runner/common/debug-types.js';

export interface DebugKeyActions {
  paused(): boolean;
  resume(): void;
  step(kind: StepKind): void;
}

export function installDebugKeys(target: Window, actions: DebugKeyActions): void {
  target.addEventListener(
    'keydown',
    (e) => {
      if (!actions.paused()) return;
      let act: (() => void) | undefined;
      if (e.key === 'F5' && !e.shiftKey) act = () => actions.resume();
      else if (e.key === 'F10') act = () => actions.step('over');
      else if (e.key === 'F11') act = () => actions.step(e.shiftKey ? 'out' : 'into');
      if (!act) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      act();
    },
    true,
  );
}
