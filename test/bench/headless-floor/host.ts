// The floor under a headless run's CPU (headless-cpu.bench.ts): the process shape of `nibble run`
// with none of Nibble's run in it. This process stands for the CLI: it forks a runner process the
// way spawnRunner does (no environment, IPC with the same serialization), whose worker thread loads
// the Lua module and calls an empty TIC; it exits when the worker says it is done.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const frames = process.argv[2] ?? '3000';
const runner = fork(fileURLToPath(new URL('./runner.js', import.meta.url)), [frames], {
  serialization: 'advanced',
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  env: {},
  execArgv: [],
});
runner.on('message', () => runner.kill('SIGKILL'));
runner.on('exit', (code, signal) => {
  if (signal !== 'SIGKILL') {
    console.error(`headless floor: the runner process ended with ${signal ?? `code ${code}`} before its frames were done`);
    process.exitCode = 1;
  }
});
