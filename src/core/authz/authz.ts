// Authorisation helpers. Policies live in each module's *.policy.ts and use these to say no.
import { forbidden, notFound, unauthenticated } from '../errors.ts';

export interface Principal {
  id: string;
  agencyId: string;
  roles: readonly string[];
}

export function requirePrincipal<T extends Principal>(user: T | null | undefined): T {
  if (!user) throw unauthenticated();
  return user;
}

/** Throws 403 unless `allowed`. */
export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}

/**
 * Records of another agency are reported as missing, not forbidden, so that a user of agency A
 * cannot even learn that a record of agency B exists.
 */
export function requireSameAgency(user: Principal, record: { agencyId: string } | undefined | null): void {
  if (!record || record.agencyId !== user.agencyId) throw notFound();
}
