/**
 * The backup archive: a passphrase-encrypted, gzip-compressed stream of framed records.
 *
 * File layout (all integers big-endian):
 *   header   "CLBK" | format u8 (1) | kdf u8 (1 = scrypt) | log2(N) u8 | r u8 | p u8 | salt 16 bytes
 *            | key check 32 bytes                                                   (= 57 bytes)
 *   chunks   flag u8 (0 = more follow, 1 = last) | length u32 | ciphertext (length bytes) | tag 16 bytes
 *
 * scrypt(passphrase, salt) gives 64 bytes: the first 32 are the AES-256-GCM key, SHA-256 of the
 * last 32 is the key check (so a wrong passphrase is told apart from a damaged file). Chunk i is
 * encrypted with nonce = 4 zero bytes | u64 i and additional data = header | u64 i | flag, so a
 * chunk cannot be altered, reordered, dropped or moved, and a cut-off file (no last chunk) fails.
 * The salt is random per archive, so the key (and thus every nonce) is never reused.
 *
 * Decrypted and gunzipped, the payload is a sequence of records: type u8 | length u32 | payload.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export const ARCHIVE_MAGIC = Buffer.from('CLBK', 'ascii');
export const ARCHIVE_FORMAT = 1;
const KDF_SCRYPT = 1;
const HEADER_LENGTH = 4 + 1 + 1 + 3 + 16 + 32;
const CHUNK_SIZE = 64 * 1024;
const TAG_LENGTH = 16;
const DEFAULT_KDF = { log2N: 17, r: 8, p: 1 };

/** A passphrase or archive problem the operator can act on (no data, no passphrase in it). */
export class BackupArchiveError extends Error {
  override name = 'BackupArchiveError';
}

interface KdfParams {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
}

function deriveKeys(
  passphrase: string,
  salt: Buffer,
  kdf: KdfParams,
): Promise<{ key: Buffer; check: Buffer }> {
  const N = 2 ** kdf.log2N;
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      64,
      { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 1024 * 1024 },
      (error, out) => {
        if (error) reject(error);
        else
          resolve({
            key: out.subarray(0, 32),
            check: createHash('sha256').update(out.subarray(32)).digest(),
          });
      },
    );
  });
}

function nonceOf(index: bigint): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(index, 4);
  return nonce;
}

function aadOf(header: Buffer, index: bigint, flag: number): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(index, 0);
  tail.writeUInt8(flag, 8);
  return Buffer.concat([header, tail]);
}

/** Encrypts a byte stream into the archive format (header first, then authenticated chunks). */
export async function createEncryptStream(
  passphrase: string,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<Transform> {
  const salt = randomBytes(16);
  const { key, check } = await deriveKeys(passphrase, salt, kdf);
  const header = Buffer.concat([
    ARCHIVE_MAGIC,
    Buffer.from([ARCHIVE_FORMAT, KDF_SCRYPT, kdf.log2N, kdf.r, kdf.p]),
    salt,
    check,
  ]);
  let index = 0n;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let headerSent = false;

  const seal = (plain: Buffer, flag: number): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, nonceOf(index), { authTagLength: TAG_LENGTH });
    cipher.setAAD(aadOf(header, index, flag));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const frame = Buffer.alloc(5);
    frame.writeUInt8(flag, 0);
    frame.writeUInt32BE(body.length, 1);
    index += 1n;
    return Buffer.concat([frame, body, cipher.getAuthTag()]);
  };
  const emitHeader = (push: (b: Buffer) => void) => {
    if (!headerSent) {
      push(header);
      headerSent = true;
    }
  };

  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      emitHeader((b) => this.push(b));
      pending.push(chunk);
      pendingLength += chunk.length;
      while (pendingLength > CHUNK_SIZE) {
        const all = Buffer.concat(pending);
        this.push(seal(all.subarray(0, CHUNK_SIZE), 0));
        const rest = all.subarray(CHUNK_SIZE);
        pending = [rest];
        pendingLength = rest.length;
      }
      done();
    },
    flush(done: TransformCallback) {
      emitHeader((b) => this.push(b));
      this.push(seal(Buffer.concat(pending), 1));
      pending = [];
      done();
    },
  });
}

/**
 * Decrypts an archive stream. Fails with BackupArchiveError on a wrong passphrase (before any
 * plaintext is produced), on a chunk that does not authenticate, and on a cut-off file.
 */
export function createDecryptStream(passphrase: string): Transform {
  let buffered: Buffer = Buffer.alloc(0);
  let header: Buffer | undefined;
  let key: Buffer | undefined;
  let index = 0n;
  let finished = false;

  const take = async (push: (b: Buffer) => void): Promise<void> => {
    if (!header) {
      if (buffered.length >= 4 && !buffered.subarray(0, 4).equals(ARCHIVE_MAGIC)) {
        throw new BackupArchiveError('This file is not a Caseload backup archive.');
      }
      if (buffered.length < HEADER_LENGTH) return;
      const head = buffered.subarray(0, HEADER_LENGTH);
      if (head[4] !== ARCHIVE_FORMAT || head[5] !== KDF_SCRYPT) {
        throw new BackupArchiveError(
          `This backup uses archive format ${head[4]}, which this version of Caseload cannot read.`,
        );
      }
      const kdf = { log2N: head[6] ?? 0, r: head[7] ?? 0, p: head[8] ?? 0 };
      if (kdf.log2N < 10 || kdf.log2N > 22 || kdf.r < 1 || kdf.r > 32 || kdf.p < 1 || kdf.p > 16) {
        throw new BackupArchiveError('The backup archive header is damaged (key derivation settings).');
      }
      const derived = await deriveKeys(passphrase, head.subarray(9, 25), kdf);
      if (!timingSafeEqual(derived.check, head.subarray(25, HEADER_LENGTH))) {
        throw new BackupArchiveError(
          'The passphrase is wrong for this backup (or the archive header was altered). Nothing was restored.',
        );
      }
      header = Buffer.from(head);
      key = derived.key;
      buffered = buffered.subarray(HEADER_LENGTH);
    }
    while (buffered.length >= 5) {
      if (finished)
        throw new BackupArchiveError('The backup archive has data after its last chunk: it was altered.');
      const flag = buffered.readUInt8(0);
      const length = buffered.readUInt32BE(1);
      if (flag > 1 || length > CHUNK_SIZE) {
        throw new BackupArchiveError(`The backup archive is damaged or was altered (chunk ${index}).`);
      }
      if (buffered.length < 5 + length + TAG_LENGTH) return;
      const decipher = createDecipheriv('aes-256-gcm', key as Buffer, nonceOf(index), {
        authTagLength: TAG_LENGTH,
      });
      decipher.setAAD(aadOf(header, index, flag));
      decipher.setAuthTag(buffered.subarray(5 + length, 5 + length + TAG_LENGTH));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(buffered.subarray(5, 5 + length)), decipher.final()]);
      } catch {
        throw new BackupArchiveError(`The backup archive is damaged or was altered (chunk ${index}).`);
      }
      buffered = buffered.subarray(5 + length + TAG_LENGTH);
      index += 1n;
      if (flag === 1) finished = true;
      if (plain.length > 0) push(plain);
    }
  };

  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      take((b) => this.push(b)).then(() => done(), done);
    },
    flush(done: TransformCallback) {
      take((b) => this.push(b)).then(() => {
        if (!header) done(new BackupArchiveError('The backup archive is too short to be a Caseload backup.'));
        else if (!finished || buffered.length > 0)
          done(new BackupArchiveError('The backup archive is incomplete (cut off before its end).'));
        else done();
      }, done);
    },
  });
}

/** Record types inside the decrypted payload. */
export const RecordType = {
  /** JSON manifest: format, versions, migrations, tables and their columns. */
  manifest: 0x4d,
  /** JSON { table } — the start of one table's rows. */
  tableStart: 0x54,
  /** Raw COPY text rows of the current table. */
  data: 0x44,
  /** JSON { table, rows, sha256 } — the end of one table. */
  tableEnd: 0x45,
  /** JSON { tables } — the end of the archive. */
  end: 0x5a,
} as const;
export type RecordTypeCode = (typeof RecordType)[keyof typeof RecordType];

export function encodeRecord(type: RecordTypeCode, payload: Buffer | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const head = Buffer.alloc(5);
  head.writeUInt8(type, 0);
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

export interface ArchiveRecord {
  readonly type: RecordTypeCode;
  readonly payload: Buffer;
}

const knownTypes = new Set<number>(Object.values(RecordType));

/** Splits the decrypted, gunzipped payload into records. */
export async function* readRecords(source: AsyncIterable<Buffer>): AsyncGenerator<ArchiveRecord> {
  let buffered: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    while (buffered.length >= 5) {
      const type = buffered.readUInt8(0);
      const length = buffered.readUInt32BE(1);
      if (!knownTypes.has(type)) throw new BackupArchiveError('The backup archive contents are malformed.');
      if (buffered.length < 5 + length) break;
      yield { type: type as RecordTypeCode, payload: buffered.subarray(5, 5 + length) };
      buffered = buffered.subarray(5 + length);
    }
  }
  if (buffered.length > 0) throw new BackupArchiveError('The backup archive contents end mid-record.');
}
