// Ed25519 signatures over the board's records (the agreed frame; the adopted minutes). What is signed is exactly the
// record's canonical text as UTF-8 bytes, the same bytes whose SHA-256 is the record's hash and that the record's
// download (frame-record.json) holds, so that anyone with that file, its .sig and the public key can check it
// offline with `openssl pkeyutl -verify -pubin -inkey … -rawin -in … -sigfile …`. No I/O here: the key is loaded
// by server/auth/record-signing-key.ts and handed in.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** What became of a record's signature when it was checked. */
export type SignatureStatus = 'valid' | 'invalid' | 'unsigned';

export interface RecordSigner {
  /** SHA-256 of the public key (SPKI DER), hex: printed on every signed document so a reader knows which key signed. */
  keyId: string;
  /** The public key, PEM (SPKI): what the board publishes for offline verification. */
  publicKeyPem: string;
  /** The Ed25519 signature of the canonical text, 64 bytes as hex (as the hash is printed; no character a spreadsheet would take for a formula). */
  sign(canonical: string): string;
  /** Whether `signature` (hex) is this key's signature of exactly `canonical`. */
  verify(canonical: string, signature: string): boolean;
}

/** The signing operations of one Ed25519 private key. */
export function recordSigner(privateKey: KeyObject): RecordSigner {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('A record signing key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: publicKeyId(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (canonical) => sign(null, Buffer.from(canonical, 'utf8'), privateKey).toString('hex'),
    verify: (canonical, signature) => signatureMatches(publicKey, canonical, signature),
  };
}

export function publicKeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** Ed25519 signatures are 64 bytes; anything else (a truncated or padded value) is not one, whatever it decodes to. */
const SIGNATURE_HEX = /^[0-9a-f]{128}$/;

export function signatureMatches(publicKey: KeyObject, canonical: string, signature: string): boolean {
  if (!SIGNATURE_HEX.test(signature)) return false;
  return verify(null, Buffer.from(canonical, 'utf8'), publicKey, Buffer.from(signature, 'hex'));
}
