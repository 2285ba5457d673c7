// The one way the studio names a cart file's content: the SHA-256 of its bytes, lowercase hex.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export function cartDigest(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}
