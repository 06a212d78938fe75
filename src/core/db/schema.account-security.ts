// Row types: password history and pending second-factor logins (issue 8, account security).
// The new user columns (lockout, TOTP) are on UserTable in schema.accounts.ts.
export interface PasswordHistoryTable {
  id: string;
  userId: string;
  /** argon2id hash of a password the user held: the last five may not be chosen again. */
  passwordHash: string;
  createdAt: string;
}

export interface LoginChallengeTable {
  /** SHA-256 of the one-time token handed to the browser between the password and the code. */
  tokenHash: string;
  userId: string;
  ip: string;
  expiresAt: string;
}
