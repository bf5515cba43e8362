// The record signing key: generated once under the data folder, kept, never two; or taken from the environment.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNING_KEY_FILE, loadRecordSigner } from '../../server/auth/record-signing-key.ts';

describe('the record signing key', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cb-signing-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('is generated on first use into the data folder (owner-only), and the same key is loaded afterwards', async () => {
    const first = await loadRecordSigner(undefined, path.join(dataDir, 'nested'));
    const file = path.join(dataDir, 'nested', SIGNING_KEY_FILE);
    expect((await readFile(file, 'utf8')).startsWith('-----BEGIN PRIVATE KEY-----')).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const again = await loadRecordSigner(undefined, path.join(dataDir, 'nested'));
    expect(again.keyId).toBe(first.keyId);
    expect(again.verify('ข้อความ', first.sign('ข้อความ'))).toBe(true);
  });

  it('is one key when several instances start on one data folder at once', async () => {
    const signers = await Promise.all(Array.from({ length: 6 }, () => loadRecordSigner(undefined, dataDir)));
    expect(new Set(signers.map((s) => s.keyId)).size).toBe(1);
  });

  it('is RECORD_SIGNING_KEY when set, with "\\n" for newlines, and then no file is written', async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const fromEnv = await loadRecordSigner(pem.replaceAll('\n', '\\n'), dataDir);
    expect(fromEnv.keyId).toBe((await loadRecordSigner(pem, dataDir)).keyId);
    await expect(stat(path.join(dataDir, SIGNING_KEY_FILE))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a key that is not an Ed25519 private key, saying which', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(loadRecordSigner(rsa, dataDir)).rejects.toThrow(/RECORD_SIGNING_KEY is not an Ed25519 private key/);
    await expect(loadRecordSigner('not a key', dataDir)).rejects.toThrow(/RECORD_SIGNING_KEY/);
    await writeFile(path.join(dataDir, SIGNING_KEY_FILE), 'garbage');
    await expect(loadRecordSigner(undefined, dataDir)).rejects.toThrow(/record-signing-key\.pem is not an Ed25519/);
  });

  it('signs exactly the text: one character changed, or one signature byte, does not verify', async () => {
    const signer = await loadRecordSigner(undefined, dataDir);
    const signature = signer.sign('{"frameBaht":1000}');
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
    expect(signer.verify('{"frameBaht":1001}', signature)).toBe(false);
    expect(signer.verify('{"frameBaht":1000}', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`)).toBe(false);
    expect(signer.verify('{"frameBaht":1000}', signature.toUpperCase())).toBe(false);
  });
});
