// Row types: Agencies, departments, users, roles, sessions. See schema.ts for the conventions.
export interface AgencyTable {
  id: string;
  code: string;
  name: string;
  shortName: string;
  creditCode: string;
  parentAgencyId: string | null;
  address: string;
  postcode: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  /** JSON array of { name, address, hours }. */
  readingRooms: string;
  indexNumberTemplate: string;
  /**
   * 行政复议机关 / 行政诉讼 court named in a notice's remedy sentence (migration 20261122050200,
   * default ''; '' = derived by the notices module). Optional here so inserts need not name them.
   */
  reconsiderationBody?: string;
  litigationCourt?: string;
  createdAt: string;
}

export interface DepartmentTable {
  id: string;
  agencyId: string;
  name: string;
  isDisclosureOffice: number;
  sortOrder: number;
  createdAt: string;
}

export interface UserTable {
  id: string;
  agencyId: string;
  departmentId: string | null;
  username: string;
  displayName: string;
  passwordHash: string;
  /** 主要领导: may give the principal-leader approval for major items. */
  isPrincipalLeader: number;
  active: number;
  mustChangePassword: number;
  createdAt: string;
  /** Consecutive failed logins; 5 lock the account (migration 20261122080000, default 0). */
  failedLogins?: number;
  lockedUntil?: string | null;
  /** TOTP secret encrypted with the field cipher; enabled once confirmed (totpEnabledAt set). */
  totpSecretEnc?: string | null;
  totpEnabledAt?: string | null;
  /** The last TOTP time step accepted (migration 20261122090000): a code of that step or an earlier one is refused. */
  totpLastStep?: number | null;
}

export interface UserRoleTable {
  userId: string;
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a database leak does not leak live sessions. */
  tokenHash: string;
  userId: string;
  csrfToken: string;
  ip: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface LoginAttemptTable {
  id: string;
  username: string;
  ip: string;
  succeeded: number;
  at: string;
  /** Why a login failed or how it succeeded ('password', 'locked', 'totp'…); default ''. */
  detail?: string;
}
