// The console's commands (reference 8.2, the ones the studio has): parsing a typed line, running
// it against the studio, and completing a partly typed one.
import type { Cart } from '../../runner/common/cart/index.js';
import { HELP_TOPICS, helpLines, isHelpTopic } from './help-topics.js';
import { encodeMapPng, importMapPng } from './map-png.js';
import { encodeSheetPng, importSheetPng, type SheetSection } from './sheet-png.js';

export interface ConsoleCommandHost {
  run(): void;
  /** reload: the cart's code and data as edited go into the running cart first, as TIC-80's `resume reload` does. */
  resume(reload: boolean): void;
  newCart(): void;
  /** Saves the open cart, under `name` when one is given. */
  save(name?: string): void;
  /** Opens the file picker for a cart. */
  pickCart(): void;
  /** The recent carts, newest first. */
  recentCarts(): readonly { id: string; name: string }[];
  openRecent(id: string): void;
  /** Sends code to the running cart; false when no cart is running. */
  evaluate(code: string): boolean;
  clear(): void;
  print(text: string): void;
  error(text: string): void;
  cart(): Cart;
  setSection(section: GraphicsSection, bytes: Uint8Array): void;
  download(name: string, bytes: Uint8Array): void;
  /** A PNG file the user picks, or null when they pick none. */
  pickPng(): Promise<{ name: string; bytes: Uint8Array } | null>;
}

export const COMMAND_NAMES = ['cls', 'eval', 'export', 'help', 'import', 'load', 'new', 'resume', 'run', 'save'] as const;
/** What export and import move as PNG images: the two sprite sheets and the map. */
type GraphicsSection = SheetSection | 'map';
const GRAPHICS: readonly GraphicsSection[] = ['sprites', 'tiles', 'map'];

const HELP_TEXT = [
  'commands: run, resume [reload], new, load [name], save [name], eval <lua code>, cls,',
  '  export sprites|tiles|map <file.png>, import sprites|tiles|map, help [api|ram|keys]',
  'Up and Down recall earlier commands; Tab completes.',
];

const isGraphics = (word: string | undefined): word is GraphicsSection => (GRAPHICS as readonly (string | undefined)[]).includes(word);

export class ConsoleCommands {
  readonly #host: ConsoleCommandHost;

  constructor(host: ConsoleCommandHost) {
    this.#host = host;
  }

  /** Runs one typed line; import finishes after the user picks a file. */
  async execute(line: string): Promise<void> {
    const text = line.trim();
    const space = text.search(/\s/);
    const name = (space < 0 ? text : text.slice(0, space)).toLowerCase();
    const rest = space < 0 ? '' : text.slice(space).trim();
    const args = rest === '' ? [] : rest.split(/\s+/);
    const host = this.#host;
    switch (name) {
      case '':
        return;
      case 'run':
        return host.run();
      case 'resume':
        return host.resume(args[0]?.toLowerCase() === 'reload');
      case 'new':
        return host.newCart();
      case 'load':
        return this.#load(args[0]);
      case 'save':
        return host.save(args[0]);
      case 'cls':
      case 'clear':
        return host.clear();
      case 'eval':
      case '=':
        if (rest === '') host.error('eval: give the Lua code to run, e.g. eval trace(t)');
        else if (!host.evaluate(rest)) host.error('eval: no cart is running (run it first)');
        return;
      case 'help':
        return this.#help(args[0]);
      case 'export':
        return this.#export(args[0], args[1]);
      case 'import':
        return this.#import(args[0]);
      default:
        host.error(`unknown command: ${name} (type help)`);
    }
  }

  /** The words that could finish the last word of a partly typed line. */
  completions(line: string): string[] {
    const words = line.trimStart().split(/\s+/);
    const last = (words.at(-1) ?? '').toLowerCase();
    const choices = words.length === 1 ? COMMAND_NAMES : words.length === 2 ? this.#argumentChoices(words[0].toLowerCase()) : [];
    return choices.filter((choice) => choice.startsWith(last));
  }

  #argumentChoices(command: string): readonly string[] {
    if (command === 'help') return HELP_TOPICS;
    if (command === 'export' || command === 'import') return GRAPHICS;
    if (command === 'load') return this.#host.recentCarts().map((entry) => entry.name);
    return [];
  }

  /**
   * `load` alone opens the file picker; `load name` reopens the newest recent cart of that name,
   * with or without its extension (the studio's recent carts stand in for TIC-80's cart folder).
   */
  #load(name: string | undefined): void {
    if (name === undefined) return this.#host.pickCart();
    const wanted = name.toLowerCase();
    const recent = this.#host.recentCarts();
    const found = recent.find((entry) => {
      const entryName = entry.name.toLowerCase();
      return entryName === wanted || entryName.replace(/\.[^.]*$/, '') === wanted;
    });
    if (found) return this.#host.openRecent(found.id);
    const known = recent.length === 0 ? 'there are no recent carts yet' : `recent carts: ${recent.map((entry) => entry.name).join(', ')}`;
    this.#host.error(`load: no recent cart named ${name} (${known}); type load alone to pick a file`);
  }

  #help(topic: string | undefined): void {
    if (topic === undefined) {
      for (const line of HELP_TEXT) this.#host.print(line);
    } else if (isHelpTopic(topic)) {
      for (const line of helpLines(topic)) this.#host.print(line);
    } else {
      this.#host.error(`help: no topic ${topic} (topics: ${HELP_TOPICS.join(', ')})`);
    }
  }

  #export(what: string | undefined, file: string | undefined): void {
    if (!isGraphics(what)) {
      this.#host.error('export: say what to export: export sprites|tiles|map <file.png>');
      return;
    }
    const name = file === undefined ? `${what}.png` : file.toLowerCase().endsWith('.png') ? file : `${file}.png`;
    const bank = this.#host.cart().banks[0];
    this.#host.download(name, what === 'map' ? encodeMapPng(bank.map) : encodeSheetPng(bank[what], what, bank.palette));
    this.#host.print(`exported ${what} to ${name}`);
  }

  async #import(what: string | undefined): Promise<void> {
    if (!isGraphics(what)) {
      this.#host.error('import: say what to import: import sprites|tiles|map');
      return;
    }
    const file = await this.#host.pickPng();
    if (!file) return;
    const bank = this.#host.cart().banks[0];
    let bytes: Uint8Array;
    try {
      bytes = what === 'map' ? importMapPng(file.bytes, bank.map) : importSheetPng(file.bytes, bank[what], what, bank.palette);
    } catch (err) {
      this.#host.error(`import: ${file.name} is not a PNG image (${(err as Error).message})`);
      return;
    }
    this.#host.setSection(what, bytes);
    this.#host.print(`imported ${what} from ${file.name}`);
  }
}
