/**
 * Peak memory while a server runs, from /proc (Linux):
 * - the app process: VmHWM of /proc/<pid>/status, the kernel's own peak resident set size (the
 *   `caseload serve` process runs tsx in-process, so that one pid is the whole app);
 * - the embedded PostgreSQL: the postmaster of the data folder and all its children (backends,
 *   checkpointer, WAL writer…), sampled every 250 ms; each sample is the sum of their Pss
 *   (/proc/<pid>/smaps_rollup), which shares shared_buffers out among the processes mapping it
 *   instead of counting it once per process; the peak sample is reported.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { clusterDirOf } from '../../src/store/embedded-postgres.ts';

const kib = async (file: string, field: string): Promise<number | null> => {
  try {
    const text = await fs.readFile(file, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return m ? Number(m[1]) : null;
  } catch {
    return null; // the process has gone
  }
};

/** The peak resident set size (MiB) of a live process, or null when it has gone. */
export async function peakRssMiB(pid: number): Promise<number | null> {
  const k = await kib(`/proc/${pid}/status`, 'VmHWM');
  return k === null ? null : Math.round(k / 102.4) / 10;
}

async function parentOf(pid: number): Promise<number | null> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so split after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** The postmaster of the embedded cluster of `dataDir` and its children. */
async function postgresPids(dataDir: string): Promise<number[]> {
  let postmaster: number;
  try {
    postmaster = Number(
      (await fs.readFile(path.join(clusterDirOf(dataDir), 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
  } catch {
    return [];
  }
  const all = (await fs.readdir('/proc')).filter((d) => /^\d+$/.test(d)).map(Number);
  const parents = await Promise.all(all.map(async (pid) => [pid, await parentOf(pid)] as const));
  return [postmaster, ...parents.filter(([, ppid]) => ppid === postmaster).map(([pid]) => pid)];
}

export interface MemorySampler {
  /** Stops sampling; answers the peaks in MiB (null: not measured). */
  stop(): Promise<{ appPeakRssMiB: number | null; postgresPeakPssMiB: number | null }>;
  /** Watches another app process (a restarted server) from now on. */
  watchApp(pid: number): void;
}

/**
 * Samples the app process `appPid` and, with `embeddedDataDir`, the embedded PostgreSQL of that data
 * folder every `everyMs` until stop().
 */
export function sampleMemory(appPid: number, embeddedDataDir: string | null, everyMs = 250): MemorySampler {
  let appPeak: number | null = null;
  let pgPeak: number | null = null;
  let pid = appPid;
  let stopped = false;
  let pgPids: number[] = [];
  let samples = 0;
  const sample = async () => {
    const rss = await peakRssMiB(pid);
    if (rss !== null) appPeak = Math.max(appPeak ?? 0, rss);
    if (embeddedDataDir) {
      // Walking /proc costs more than a sample: the list of processes is refreshed every 2 s.
      if (samples++ % 8 === 0) pgPids = await postgresPids(embeddedDataDir);
      const pss = await Promise.all(pgPids.map((p) => kib(`/proc/${p}/smaps_rollup`, 'Pss')));
      const known = pss.filter((k): k is number => k !== null);
      if (known.length > 0) pgPeak = Math.max(pgPeak ?? 0, known.reduce((a, b) => a + b, 0) / 1024);
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    watchApp: (next) => {
      pid = next;
    },
    stop: async () => {
      await sample();
      stopped = true;
      await loop;
      return {
        appPeakRssMiB: appPeak,
        postgresPeakPssMiB: pgPeak === null ? null : Math.round(pgPeak * 10) / 10,
      };
    },
  };
}
