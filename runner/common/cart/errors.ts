// The one error type for cart files that cannot be read or written. The message always starts
// with the file's name, so a host can show it as it is.

export class CartFormatError extends Error {
  constructor(
    readonly fileName: string,
    readonly detail: string,
  ) {
    super(`${fileName}: ${detail}`);
    this.name = 'CartFormatError';
  }
}
