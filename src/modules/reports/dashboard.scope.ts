// Whose figures a staff member may see: their own agency's, and read-only those of the county
// bureaus their agency supervises (accounts.childAgencies), for the office and the leaders.
import { forbidden } from '../../core/errors.ts';
import { hasRole, type StaffActor } from '../accounts/index.ts';
import type { AgencyTable } from '../../core/db/schema.ts';

export interface AgencyDirectory {
  agency(id: string): Promise<AgencyTable | undefined>;
  childAgencies(parentId: string): Promise<AgencyTable[]>;
}

export interface ViewScope {
  agency: AgencyTable;
  /** True when the agency is a supervised county bureau (read-only). */
  supervised: boolean;
  /** The agencies the actor may switch between: their own, then the supervised ones. */
  choices: { id: string; name: string }[];
}

export const canSeeDashboards = (actor: StaffActor) => hasRole(actor.user, 'officer', 'leader');

/** The agency to show (own by default); 403 for an agency that is neither own nor supervised. */
export async function resolveViewScope(directory: AgencyDirectory, actor: StaffActor, agencyId?: string): Promise<ViewScope> {
  if (!canSeeDashboards(actor)) throw forbidden('仅公开办工作人员和领导可以查看');
  const own = await directory.agency(actor.user.agencyId);
  if (!own) throw forbidden();
  const children = await directory.childAgencies(own.id);
  const choices = [own, ...children].map((a) => ({ id: a.id, name: a.name }));
  if (!agencyId || agencyId === own.id) return { agency: own, supervised: false, choices };
  const child = children.find((c) => c.id === agencyId);
  if (!child) throw forbidden('只能查看本机关及所监督的下级机关');
  return { agency: child, supervised: true, choices };
}
