// A runner keeps only the descriptors it was meant to have. A host's descriptor that lacks
// close-on-exec (one the host itself inherited, say) is passed on to every child it spawns, and
// would stay open in the runner, where the kernel sandbox still allows writing to it.
//
// JavaScript runs only after Node has opened descriptors of its own (epoll, eventfds, wake-up
// pipes), at the lowest free numbers, so they can be interleaved with inherited ones: no range
// (close_range) separates the two. What does tell them apart is close-on-exec: Node and libuv open
// every descriptor of theirs with it, while a descriptor that came through exec cannot have had it.
// At start Node also marks 0-15 close-on-exec (libuv's uv_disable_stdio_inheritance), but a Node
// host did the same to its own 0-15, so nothing is inherited there apart from the stdio and IPC
// descriptors the host set up on purpose. The runner therefore closes every descriptor without
// close-on-exec other than stdin, stdout, stderr (its diagnostics) and the IPC channel, reading the
// flags from /proc/self/fdinfo, which works without the native addon. A runner in Electron's
// utility process has no IPC channel and is left alone: Chromium launches it with only the
// descriptors it maps.
import { closeSync, readdirSync, readFileSync } from 'node:fs';

const O_CLOEXEC = 0o2000000;
const STDIO = [0, 1, 2];

function closesOnExec(fd: number): boolean {
  try {
    const flags = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').match(/^flags:\s*([0-7]+)/m)?.[1];
    // Unreadable flags: leave it open rather than close one of Node's own.
    return flags === undefined || (parseInt(flags, 8) & O_CLOEXEC) !== 0;
  } catch {
    // Gone already (such as the descriptor that listed the directory).
    return true;
  }
}

/** Closes the descriptors this process inherited but was not given on purpose; returns their numbers. */
export function closeInheritedDescriptors(): number[] {
  const ipcFd = (process.channel as { fd?: unknown } | undefined)?.fd;
  if (process.platform !== 'linux' || typeof ipcFd !== 'number') return [];
  const keep = new Set([...STDIO, ipcFd]);
  const inherited = readdirSync('/proc/self/fd')
    .map(Number)
    .filter((fd) => !keep.has(fd) && !closesOnExec(fd));
  for (const fd of inherited) closeSync(fd);
  return inherited;
}
