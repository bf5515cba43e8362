// The key that signs the board's records, kept outside Postgres so that someone who can rewrite the database cannot
// also re-sign what they rewrote: RECORD_SIGNING_KEY (an Ed25519 private key, PEM), or a key generated on first run
// and kept with the data as record-signing-key.pem, as the session secret is.
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { recordSigner, type RecordSigner } from '../domain/record-signing.ts';

export const SIGNING_KEY_FILE = 'record-signing-key.pem';

export async function loadRecordSigner(configured: string | undefined, dataDir: string): Promise<RecordSigner> {
  // An environment variable often cannot hold newlines: a PEM written with literal "\n" is read as the same key.
  if (configured) return signerFrom(configured.replaceAll('\\n', '\n'), 'RECORD_SIGNING_KEY');
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  const stored = await readKeyFile(file);
  if (stored !== null) return signerFrom(stored, file);
  await mkdir(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Written whole under another name, then linked into place: two instances starting on one data folder at once end
  // up with the one key that was linked first, never a half-written file or two keys.
  const temporary = `${file}.${process.pid}.${Date.now()}`;
  await writeFile(temporary, pem, { mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return signerFrom((await readKeyFile(file)) ?? pem, file);
}

async function readKeyFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function signerFrom(pem: string, source: string): RecordSigner {
  try {
    return recordSigner(createPrivateKey(pem));
  } catch (error) {
    throw new Error(`${source} is not an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519): ${(error as Error).message}`);
  }
}
