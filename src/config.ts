/**
 * The only reader of `process.env`. Parses the environment once with zod, lists every problem,
 * and returns a frozen, typed configuration. Every variable is documented in README.md.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  CASELOAD_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: positiveInt.max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CASELOAD_TRUST_PROXY: bool.default(false),
  CASELOAD_SESSION_IDLE_MINUTES: positiveInt.max(24 * 60).default(30),
  CASELOAD_SESSION_ABSOLUTE_HOURS: positiveInt.max(72).default(12),
  CASELOAD_LOGIN_IP_LIMIT: positiveInt.default(30),
  CASELOAD_AUDIT_CHECKPOINT: z.string().min(1).optional(),
  CASELOAD_WEB_DIST: z.string().min(1).optional(),
  CASELOAD_LATE_ENTRY_HOURS: positiveInt.max(24 * 14).default(24),
  CASELOAD_MAX_UPLOAD_MB: positiveInt.max(200).default(20),
  CASELOAD_JOBS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  CASELOAD_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587')
    .optional(),
  CASELOAD_MAIL_FROM: z.string().min(3).max(320).optional(),
  CASELOAD_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL, e.g. https://caseload.example.org')
    .optional(),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the data folder (embedded PostgreSQL cluster, its password, checkpoints). */
  readonly dataDir: string;
  /** External PostgreSQL; when undefined the embedded server in `<dataDir>/pg` is used. */
  readonly databaseUrl: string | undefined;
  readonly databasePoolSize: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly trustProxy: boolean;
  readonly session: { readonly idleMinutes: number; readonly absoluteHours: number };
  readonly loginIpLimitPerMinute: number;
  /** File that `caseload audit checkpoint` writes and `audit verify` compares against. */
  readonly auditCheckpointFile: string;
  /** Folder of the built web app. */
  readonly webDist: string;
  /** Settings of case records that services apply. */
  readonly records: RecordSettings;
  /** Whether this process runs scheduled work (the job queue): reminders, escalations, e-mail. */
  readonly jobs: boolean;
  /** E-mail of notifications; undefined when no SMTP server is configured (mail is off). */
  readonly mail: MailSettings | undefined;
  /** The address people use to reach the app, for links in e-mails. */
  readonly publicUrl: string;
}

export interface MailSettings {
  /** smtp://user:pass@host:587 — holds a password: never log it. */
  readonly smtpUrl: string;
  /** The From address of every e-mail. */
  readonly from: string;
}

export interface RecordSettings {
  /** A note recorded more than this long after it occurred is a late entry. */
  readonly lateEntryHours: number;
  /** Largest document upload. */
  readonly maxUploadBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The project root (where package.json lives), independent of the working directory. */
export const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * Parses an environment (default: `process.env`) into a frozen Config.
 * @throws ConfigError listing every invalid variable
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.CASELOAD_DATA_DIR);
  const publicUrl = (
    e.CASELOAD_PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`
  ).replace(/\/+$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.CASELOAD_TRUST_PROXY,
    session: Object.freeze({
      idleMinutes: e.CASELOAD_SESSION_IDLE_MINUTES,
      absoluteHours: e.CASELOAD_SESSION_ABSOLUTE_HOURS,
    }),
    loginIpLimitPerMinute: e.CASELOAD_LOGIN_IP_LIMIT,
    auditCheckpointFile: path.resolve(
      e.CASELOAD_AUDIT_CHECKPOINT ?? path.join(dataDir, 'audit-checkpoint.json'),
    ),
    webDist: path.resolve(e.CASELOAD_WEB_DIST ?? path.join(projectRoot, 'dist', 'web')),
    records: Object.freeze({
      lateEntryHours: e.CASELOAD_LATE_ENTRY_HOURS,
      maxUploadBytes: e.CASELOAD_MAX_UPLOAD_MB * 1024 * 1024,
    }),
    jobs: e.CASELOAD_JOBS === 'on',
    mail: e.CASELOAD_SMTP_URL
      ? Object.freeze({
          smtpUrl: e.CASELOAD_SMTP_URL,
          from: e.CASELOAD_MAIL_FROM ?? `Caseload <caseload@${new URL(publicUrl).hostname}>`,
        })
      : undefined,
    publicUrl,
  });
}

/** Settings of the test harness (also only read here). */
export interface TestConfig {
  /** Run the tests on this server instead of a throw-away embedded one. */
  readonly testDatabaseUrl: string | undefined;
}

export function loadTestConfig(env: Record<string, string | undefined> = process.env): TestConfig {
  const url = env.TEST_DATABASE_URL;
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError(['TEST_DATABASE_URL: must be a postgres:// or postgresql:// URL']);
  }
  return Object.freeze({ testDatabaseUrl: url || undefined });
}

/**
 * The passphrase of `caseload backup` and `caseload restore` from the environment — read only by
 * those commands and never part of the server's Config, so a running server does not hold it.
 */
const backupEnvSchema = z.object({
  CASELOAD_BACKUP_PASSPHRASE: z.string().optional(),
});

export function backupPassphraseFromEnv(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  return backupEnvSchema.parse(env).CASELOAD_BACKUP_PASSPHRASE || undefined;
}
