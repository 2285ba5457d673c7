// The first message an exported game's page sends its runner worker: everything the runner needs
// that a single HTML file cannot give it as a URL of its own.

export interface EmbeddedRunnerBoot {
  type: 'boot';
  /** The VM worker's code (an ES module), started from a Blob. */
  vmWorkerCode: string;
  /** wasmoon's glue.wasm. */
  glue: Uint8Array<ArrayBuffer>;
}

/** What the embedded runner worker gives its VM worker first. */
export interface EmbeddedVmStart<Init> {
  init: Init;
  glue: Uint8Array<ArrayBuffer>;
}
