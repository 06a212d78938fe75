// Passwords: argon2id (the library's default algorithm) and the minimum complexity rule.
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** At least 10 characters with letters, digits and a symbol: returns the problem or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return '密码至少 10 位';
  if (password.length > 128) return '密码最多 128 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password) || !/[^A-Za-z0-9]/.test(password))
    return '密码须同时包含字母、数字和符号';
  return null;
}

// A fixed hash to verify against when the user does not exist, so that timing does not reveal
// which usernames are real.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('gongkai-dummy-password-1!');
  return dummyHash;
}
