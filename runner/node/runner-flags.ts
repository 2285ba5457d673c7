// Command-line flags a host may pass to a runner process.

/** Run with the fallback hook: a count hook armed all the time instead of on demand. */
export const ALWAYS_ON_HOOK_FLAG = '--always-on-hook';
