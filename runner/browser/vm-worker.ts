// A runner's VM thread in the studio page: the Lua module's bytes are fetched from the build's own
// copy of wasmoon's glue.wasm.
import glueUrl from 'wasmoon/dist/glue.wasm?url';
import type { VmThreadInit } from '../common/vm-link/thread-messages.js';
import { hostVmThread } from './vm-host.js';

hostVmThread((first) => ({
  init: first as VmThreadInit,
  glue: fetch(glueUrl)
    .then((answer) => answer.arrayBuffer())
    .then((buffer) => new Uint8Array(buffer)),
}));
