/**
 * `caseload export --anonymised`, run as an operator runs it (a child process): the file holds the
 * cases anonymised, under the named user's access rules and audited to them; a case they may not
 * view refuses the export, and a file is never overwritten.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import {
  CLIENT_MARKERS,
  type SeededClient,
  seedClientEverywhere,
} from '../data-protection/client-everywhere.ts';
import { setupTestDatabase } from '../db.ts';
import { insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();
const BIN = path.join(projectRoot, 'bin', 'caseload.mjs');

function caseload(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', DATABASE_URL: t.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir = '';
let seeded: SeededClient;
let ownerEmail = '';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caseload-export-'));
  seeded = await seedClientEverywhere(t.db);
  ownerEmail = (
    await t.db.selectFrom('users').select('email').where('id', '=', seeded.ownerId).executeTakeFirstOrThrow()
  ).email;
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('caseload export --anonymised', () => {
  it('writes the anonymised cases, audited to the named user, and never overwrites', async () => {
    const out = path.join(dir, 'export.json');
    const refs = [seeded.references.open, seeded.references.closed];
    const run = await caseload([
      'export',
      '--anonymised',
      '--case',
      ...refs,
      '--as',
      ownerEmail,
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('anonymised export of 2 case(s), 2 note(s)');
    const text = await fs.readFile(out, 'utf8');
    expect(JSON.parse(text).cases).toHaveLength(2);
    for (const marker of [CLIENT_MARKERS.legalName, CLIENT_MARKERS.surname, CLIENT_MARKERS.email, ...refs]) {
      expect(text.toLowerCase()).not.toContain(marker.toLowerCase());
    }
    const audited = await t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'entity_id'])
      .where('action', '=', 'cases.anonymised_export')
      .where('org_id', '=', seeded.orgId)
      .execute();
    expect(audited.map((a) => a.entity_id).sort()).toEqual([...seeded.caseIds].sort());
    expect(audited.every((a) => a.actor_id === seeded.ownerId)).toBe(true);

    const again = await caseload([
      'export',
      '--anonymised',
      '--case',
      refs[0] ?? '',
      '--as',
      ownerEmail,
      '--out',
      out,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists; choose a new file name');
  });

  it('refuses cases the user may not view, and exports without --anonymised', async () => {
    const team = await insertTeam(t.db, { orgId: seeded.orgId });
    const stranger = await insertUser(t.db, { orgId: seeded.orgId, team: { id: team.id, role: 'member' } });
    const out = path.join(dir, 'refused.json');
    const refused = await caseload([
      'export',
      '--anonymised',
      '--case',
      seeded.references.open,
      '--as',
      stranger.email,
      '--out',
      out,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('caseload export:');
    await expect(fs.stat(out)).rejects.toThrow();

    const plain = await caseload([
      'export',
      '--case',
      seeded.references.open,
      '--as',
      ownerEmail,
      '--out',
      out,
    ]);
    expect(plain.code).toBe(64);
    expect(plain.stderr).toContain('only anonymised exports are available');
  });
});
