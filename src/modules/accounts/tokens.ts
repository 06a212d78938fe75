// Only hashes of session and challenge tokens are stored: a database leak leaks no live login.
import { createHash } from 'node:crypto';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
