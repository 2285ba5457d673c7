// The environment a runner process starts with. A cart must not see the user's variables (tokens,
// paths, proxies), so only what the OS and the C runtime need to start a process is kept.

const PASSED_THROUGH = [
  // Windows: without these, a process cannot initialise its crypto and temp-file support.
  'SYSTEMROOT',
  'WINDIR',
  'TEMP',
  'TMP',
  // POSIX: temp folder and the text encoding of the runner's own diagnostics.
  'TMPDIR',
  'LANG',
];

export function runnerEnvironment(parent: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && PASSED_THROUGH.includes(name.toUpperCase())) env[name] = value;
  }
  return env;
}
