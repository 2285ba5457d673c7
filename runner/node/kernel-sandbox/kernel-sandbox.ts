// The runner's kernel sandbox on Linux: once the runner has loaded everything it needs, it gives
// up, for good and on every thread, all filesystem access (Landlock) and every system call
// outside the allowlist a runner was traced making (seccomp-bpf, after no_new_privs). The native
// addon in src/ does the work; it is built by node-gyp at install, and when it is missing or the
// kernel lacks a feature, the status says so and the runner goes on with its other layers.
import { fileURLToPath } from 'node:url';

/** The native addon's functions; each applies one layer to the whole process, or throws why not. */
export interface KernelSandboxAddon {
  /** Landlock denying all filesystem access, applied to every thread. */
  restrictFilesystem(): { abi: number; threads: number };
  /** no_new_privs and the seccomp allowlist, applied to every thread. */
  filterSyscalls(): { syscalls: number };
}

export interface KernelSandboxStatus {
  /** Both layers are in force on every thread of the process. */
  complete: boolean;
  /** What is in force, for logs. */
  summary: string;
  /** Present when a layer is not in force: why, for the runner's 'ready' note. */
  note?: string;
}

// node-gyp builds into the source tree; this module runs from dist/runner/node/kernel-sandbox/.
const ADDON_PATH = fileURLToPath(new URL('../../../../runner/node/kernel-sandbox/build/Release/kernel_sandbox.node', import.meta.url));

/** The addon, or why it cannot be used here. */
export function loadKernelSandboxAddon(): KernelSandboxAddon | { unavailable: string } {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return { unavailable: `it exists for x86_64 Linux only, not ${process.arch} ${process.platform}` };
  try {
    // process.dlopen rather than require(): in this ES-module process, require() would first set
    // up the CommonJS loader, which costs ten times as much as loading the addon.
    const module = { exports: {} };
    process.dlopen(module, ADDON_PATH);
    return module.exports as KernelSandboxAddon;
  } catch (err) {
    return { unavailable: `its native addon was not built at install (${(err as Error).message.split('\n')[0]})` };
  }
}

function attempt<T>(layer: () => T): { ok: T } | { failed: string } {
  try {
    return { ok: layer() };
  } catch (err) {
    return { failed: (err as Error).message };
  }
}

/** Applies every layer the addon and the kernel allow; call it once, after the runner has loaded its code. */
export function applyKernelSandbox(): KernelSandboxStatus {
  // The syscall allowlist was traced under Node. Electron's utility process runs Chromium's own
  // threads too, whose calls were never traced: an untraced call failing could break the runner,
  // so there the sandbox stays off, and the runner says so, until it is traced there.
  if (process.versions.electron) {
    const note = "kernel sandbox off: its syscall allowlist has not been traced in Electron's utility process yet";
    return { complete: false, summary: note, note };
  }
  const addon = loadKernelSandboxAddon();
  if ('unavailable' in addon) {
    const note = `kernel sandbox unavailable: ${addon.unavailable}`;
    return { complete: false, summary: note, note };
  }
  // Node opens process.stdout and process.stderr on first use, probing their descriptors with calls
  // the sandbox denies (ioctl, open), and throws if it cannot: open them while it still can.
  void process.stdout;
  void process.stderr;
  const landlock = attempt(() => addon.restrictFilesystem());
  const seccomp = attempt(() => addon.filterSyscalls());
  const on: string[] = [];
  const off: string[] = [];
  if ('ok' in landlock) on.push(`Landlock ABI ${landlock.ok.abi} denies all file access on ${landlock.ok.threads} threads`);
  else off.push(`no Landlock, ${landlock.failed}`);
  if ('ok' in seccomp) on.push(`a seccomp filter allows ${seccomp.ok.syscalls} system calls`);
  else off.push(`no seccomp filter, ${seccomp.failed}`);
  const summary = `kernel sandbox: ${[...on, ...off].join('; ')}`;
  return off.length ? { complete: false, summary, note: `kernel sandbox incomplete: ${off.join('; ')}` } : { complete: true, summary };
}
