// A runner's VM thread in an exported game's page: the Lua module's bytes come in its first message.
import type { VmThreadInit } from '../common/vm-link/thread-messages.js';
import type { EmbeddedVmStart } from './embedded-boot.js';
import { hostVmThread } from './vm-host.js';

hostVmThread((first) => {
  const { init, glue } = first as EmbeddedVmStart<VmThreadInit>;
  return { init, glue: Promise.resolve(glue) };
});
