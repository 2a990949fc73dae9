/** The backup archive format: authenticated chunks, wrong passphrase, reordering, truncation. */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  createDecryptStream,
  createEncryptStream,
  encodeRecord,
  RecordType,
  readRecords,
} from '../../src/store/backup/archive.ts';

const FAST_KDF = { log2N: 10, r: 8, p: 1 }; // the reader accepts it; real archives use 2^17
const HEADER = 57;

async function encrypt(plain: Buffer, passphrase = 'correct horse battery'): Promise<Buffer> {
  const parts: Buffer[] = [];
  await pipeline(Readable.from([plain]), await createEncryptStream(passphrase, FAST_KDF), async (source) => {
    for await (const chunk of source) parts.push(chunk as Buffer);
  });
  return Buffer.concat(parts);
}

async function decrypt(file: Buffer, passphrase = 'correct horse battery'): Promise<Buffer> {
  const parts: Buffer[] = [];
  // Fed in odd-sized pieces: the reader must not depend on how the file is split.
  const pieces: Buffer[] = [];
  for (let at = 0; at < file.length; at += 7001) pieces.push(file.subarray(at, at + 7001));
  await pipeline(Readable.from(pieces), createDecryptStream(passphrase), async (source) => {
    for await (const chunk of source) parts.push(chunk as Buffer);
  });
  return Buffer.concat(parts);
}

/** Offsets of each encrypted chunk: [start, end) including its 5-byte frame head and 16-byte tag. */
function chunks(file: Buffer): [number, number][] {
  const out: [number, number][] = [];
  let at = HEADER;
  while (at < file.length) {
    const end = at + 5 + file.readUInt32BE(at + 1) + 16;
    out.push([at, end]);
    at = end;
  }
  return out;
}

describe('backup archive encryption', () => {
  const plain = randomBytes(300 * 1024);

  it('round-trips data spanning several chunks, and holds none of it in clear', async () => {
    const file = await encrypt(plain);
    expect(chunks(file).length).toBe(5);
    expect(file.includes(plain.subarray(1000, 1032))).toBe(false);
    expect((await decrypt(file)).equals(plain)).toBe(true);
  });

  it('names a wrong passphrase and releases nothing', async () => {
    const file = await encrypt(plain);
    const parts: Buffer[] = [];
    const run = pipeline(Readable.from([file]), createDecryptStream('not the passphrase'), async (source) => {
      for await (const chunk of source) parts.push(chunk as Buffer);
    });
    await expect(run).rejects.toThrow(/passphrase is wrong/);
    expect(parts).toEqual([]);
  });

  it('refuses an altered, reordered, cut-off or extended archive', async () => {
    const file = await encrypt(plain);
    const [c0, c1, c2] = chunks(file);
    if (!c0 || !c1 || !c2) throw new Error('expected chunks');

    const flipped = Buffer.from(file);
    flipped[c1[0] + 100] = (flipped[c1[0] + 100] ?? 0) ^ 0x80;
    await expect(decrypt(flipped)).rejects.toThrow(/damaged or was altered \(chunk 1\)/);

    // Chunks 1 and 2 have the same length: swapping them keeps the framing valid.
    const swapped = Buffer.concat([
      file.subarray(0, c1[0]),
      file.subarray(c2[0], c2[1]),
      file.subarray(c1[0], c1[1]),
      file.subarray(c2[1]),
    ]);
    await expect(decrypt(swapped)).rejects.toThrow(/damaged or was altered \(chunk 1\)/);

    const last = chunks(file).at(-1) as [number, number];
    await expect(decrypt(file.subarray(0, last[0]))).rejects.toThrow(/incomplete/);
    await expect(decrypt(Buffer.concat([file, file.subarray(c1[0], c1[1])]))).rejects.toThrow(
      /after its last/,
    );
    await expect(
      decrypt(Buffer.from('PGDMP not ours at all, padding padding padding padding')),
    ).rejects.toThrow(/not a Caseload backup/);
  });
});

describe('backup archive records', () => {
  it('splits records whatever the chunk boundaries', async () => {
    const bytes = Buffer.concat([
      encodeRecord(RecordType.manifest, '{"format":1}'),
      encodeRecord(RecordType.tableStart, '{"table":"t"}'),
      encodeRecord(RecordType.data, Buffer.from('a\t1\nb\t2\n')),
      encodeRecord(RecordType.tableEnd, '{"table":"t","rows":2}'),
      encodeRecord(RecordType.end, '{"tables":1}'),
    ]);
    const pieces: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 3) pieces.push(bytes.subarray(at, at + 3));
    const seen: string[] = [];
    for await (const r of readRecords(Readable.from(pieces))) {
      seen.push(`${String.fromCharCode(r.type)}:${r.payload.toString()}`);
    }
    expect(seen).toEqual([
      'M:{"format":1}',
      'T:{"table":"t"}',
      'D:a\t1\nb\t2\n',
      'E:{"table":"t","rows":2}',
      'Z:{"tables":1}',
    ]);
    await expect(async () => {
      for await (const _ of readRecords(Readable.from([bytes.subarray(0, bytes.length - 2)]))) {
        // drain
      }
    }).rejects.toThrow(/mid-record/);
  });
});
