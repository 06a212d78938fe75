// Assembles the demo items of one agency and decides what happens to each: most older items are
// imported as already published on a date shortly after they were written; the most recent
// ones go through the review workflow and are left at every step of it.
import type { ItemStatus } from '../modules/catalog/catalog.contract.ts';
import { between, type DemoContext, type DemoItemSpec } from './demo-content.ts';
import { landItems } from './demo-items-land.ts';
import { officeItems } from './demo-items-office.ts';
import { policyItems } from './demo-items-policy.ts';
import { recordItems } from './demo-items-records.ts';

/** Where an item ends: imported as published, or taken through the workflow to a status. */
export type DemoPlan =
  | { kind: 'import'; publishedOn: string }
  | { kind: 'workflow'; status: ItemStatus; sentBack?: boolean };

export interface PlannedItem {
  spec: DemoItemSpec;
  plan: DemoPlan;
}

/** Statuses left on the most recent workflow items (newest first), so every queue has work. */
const CITY_WORKFLOW_STATUSES: { status: ItemStatus; sentBack?: boolean }[] = [
  { status: 'draft' },
  { status: 'draft', sentBack: true },
  { status: 'departmentReview' },
  { status: 'confidentialityReview' },
  { status: 'draft' },
  { status: 'leaderApproval' },
  { status: 'officeCheck' },
  { status: 'departmentReview' },
  { status: 'confidentialityReview' },
  { status: 'leaderApproval' },
  { status: 'officeCheck' },
  { status: 'takenDown' },
];
const COUNTY_WORKFLOW_STATUSES: { status: ItemStatus; sentBack?: boolean }[] = [
  { status: 'draft' },
  { status: 'departmentReview' },
  { status: 'leaderApproval' },
];
/** How many of the newest items (beyond those left in review) are published through the workflow. */
const WORKFLOW_PUBLISHED = { city: 14, county: 3 };

export function agencyItems(ctx: DemoContext, scale: number): DemoItemSpec[] {
  const items = [...landItems(ctx, scale), ...recordItems(ctx, scale), ...policyItems(ctx, scale), ...officeItems(ctx, scale)];
  // Some documents carry their formal text as a PDF attachment.
  for (const it of items) {
    if (['crgg', 'bcaz', 'gfxwj', 'gknb', 'dzhj'].includes(it.column) && (it.isMajor || ctx.rng() < 0.5)) it.attachment = 'pdf';
  }
  return items.sort((a, b) => (a.writtenOn < b.writtenOn ? -1 : a.writtenOn > b.writtenOn ? 1 : a.key < b.key ? -1 : 1));
}

/**
 * Plans an agency's items. `canFlow` says whether a department has the staff to take an item
 * through the workflow (a drafter and a department head); others are always imported.
 */
export function planItems(ctx: DemoContext, items: DemoItemSpec[], opts: { city: boolean; canFlow: (department: string) => boolean }): PlannedItem[] {
  const yesterday = ctx.days[ctx.days.length - 1];
  const statuses = opts.city ? CITY_WORKFLOW_STATUSES : COUNTY_WORKFLOW_STATUSES;
  let toPublish = opts.city ? WORKFLOW_PUBLISHED.city : WORKFLOW_PUBLISHED.county;
  const plans = new Map<DemoItemSpec, DemoPlan>();
  let next = 0;
  // Newest first: the latest documents are the ones still in review.
  for (const spec of [...items].reverse()) {
    // An interpretation is linked to its policy document when drafted, so it always goes
    // through the workflow; a repealed document must be published long before its repeal.
    // A recent policy document with an interpretation is published with it, never left halfway.
    const interpreted = items.some((o) => o.interprets?.includes(spec.key));
    if (spec.interprets || (interpreted && next < statuses.length)) plans.set(spec, { kind: 'workflow', status: 'published' });
    if (!opts.canFlow(spec.department) || spec.repeal || spec.interprets || interpreted) continue;
    if (next < statuses.length) {
      const s = statuses[next++];
      plans.set(spec, { kind: 'workflow', status: s.status, sentBack: s.sentBack });
    } else if (toPublish > 0) {
      toPublish--;
      plans.set(spec, { kind: 'workflow', status: 'published' });
    }
  }
  if (opts.city) markPrincipalApproval(items, plans);
  return items.map((spec) => {
    const planned = plans.get(spec);
    if (planned) return { spec, plan: planned };
    const idx = ctx.days.indexOf(spec.writtenOn);
    const publishedOn = ctx.days[Math.min(ctx.days.length - 1, idx + between(ctx, 1, 8))] ?? yesterday;
    return { spec, plan: { kind: 'import', publishedOn } };
  });
}

/** One major item waits for the principal leader (主要领导审定). */
function markPrincipalApproval(items: DemoItemSpec[], plans: Map<DemoItemSpec, DemoPlan>): void {
  const MAJOR_COLUMNS = ['zsyg', 'bcaz', 'zsgg', 'gtkj', 'dzhj', 'crgg'];
  const candidate = [...items].reverse().find((s) => MAJOR_COLUMNS.includes(s.column) && !s.interprets && plans.get(s)?.kind === 'workflow' && (plans.get(s) as { status: ItemStatus }).status === 'published');
  if (!candidate) return;
  candidate.isMajor = true;
  plans.set(candidate, { kind: 'workflow', status: 'principalApproval' });
}
