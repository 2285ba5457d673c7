// A runner's VM thread in an exported game's page: the Lua module's bytes come in its first message.
import type { VmThreadInit } from '../common/vm-link/thread-messages.js';
import type { EmbeddedVmStart } from './embedded-boot.js';
import { hostVmThread } from './vm-host.js';

/**
 * Where wasmoon believes the module is: an empty data URL, which it decodes without a request
 * (the instantiation itself is given the real bytes, see lua-wasm.ts).
 */
const NO_REQUEST_LOCATION = 'data:application/wasm;base64,';

hostVmThread((first) => {
  const { init, glue } = first as EmbeddedVmStart<VmThreadInit>;
  return { init, glue: Promise.resolve({ location: NO_REQUEST_LOCATION, bytes: glue }) };
});
