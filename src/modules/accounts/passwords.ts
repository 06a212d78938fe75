// Passwords: argon2id (the library's default algorithm), the complexity rule and the history length.
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** How many earlier passwords may not be chosen again (等保 2.0 level 3: password history). */
export const PASSWORD_HISTORY = 5;

/**
 * 等保 2.0 level 3 complexity: at least 10 characters, at least three of the four classes (lower
 * case, upper case, digits, symbols), and not containing the username. Returns the problem or null.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 10) return '密码至少 10 位';
  if (password.length > 128) return '密码最多 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

/** The hint shown next to every new-password field. */
export const PASSWORD_RULE_HINT = '至少 10 位，含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不得与最近 5 次密码相同';

/**
 * A temporary password the security administrator hands over once (reset): 14 characters from
 * all four classes, without look-alike characters; the user must change it at the next login.
 */
export function temporaryPassword(): string {
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '-_.!@#%+'];
  const pick = (set: string) => set[randomInt(set.length)];
  const chars = classes.map(pick);
  const all = classes.join('');
  while (chars.length < 14) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

// A fixed hash to verify against when the user does not exist, so that timing does not reveal
// which usernames are real.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('gongkai-dummy-password-1!');
  return dummyHash;
}
