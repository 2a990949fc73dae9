/** Kysely table types: one interface per table, matching the migrations in ./migrations. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = 'adviser' | 'supervisor' | 'admin' | 'auditor';
export type SessionStage = 'full' | 'totp' | 'enrol';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  time_zone: Generated<string>;
  nation: Generated<'england-and-wales' | 'scotland' | 'northern-ireland'>;
  created_at: CreatedAt;
}

export interface TeamsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  display_name: string;
  roles: Role[];
  status: Generated<'active' | 'disabled'>;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  /** The last TOTP time step accepted: a code is never accepted twice (replay). */
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  capacity_points: ColumnType<string, string | number | undefined, string | number>;
  fte: ColumnType<string, string | number | undefined, string | number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  org_id: string;
  team_id: string;
  user_id: string;
  role: 'member' | 'supervisor';
}

export interface RecoveryCodesTable {
  org_id: string;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface SessionsTable {
  token_hash: Buffer;
  org_id: string;
  user_id: string;
  stage: SessionStage;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventsTable {
  org_id: string;
  seq: ColumnType<number, number, never>;
  occurred_at: ColumnType<Date, Date, never>;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface DB {
  organisations: OrganisationsTable;
  teams: TeamsTable;
  users: UsersTable;
  team_members: TeamMembersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
}

export type TeamRow = Selectable<TeamsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
