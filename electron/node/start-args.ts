// The start script's arguments: `--web` (no desktop app) and `--play CART` (open the player on a
// cart, as `nibble play CART` asks).

export interface StartArgs {
  web: boolean;
  /** The cart to play, as given (relative to the working folder). */
  play: string | undefined;
}

/** Throws Error with the message to print for arguments it does not take. */
export function parseStartArgs(argv: readonly string[]): StartArgs {
  const args: StartArgs = { web: false, play: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--web') args.web = true;
    else if (arg === '--play') {
      const cart = argv[++i];
      if (cart === undefined || cart.startsWith('-')) throw new Error('--play needs the cart to play: --play game.lua');
      args.play = cart;
    } else throw new Error(`unknown argument ${JSON.stringify(arg)} (the start script takes --web and --play CART)`);
  }
  return args;
}
