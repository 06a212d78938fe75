// Shared by the portal HTTP tests: publishing through the catalog's own services (draft, then
// the workflow port inside a transaction, as the review module does), and the HTML checks that
// every portal page must pass (UX.md "Accessibility floor").
import assert from 'node:assert/strict';
import type { StaffActor } from '../../src/modules/accounts/index.ts';
import type { ColumnInput, ItemDetail, ItemDraftInput } from '../../src/modules/catalog/catalog.contract.ts';
import type { Services } from '../../src/services.ts';

export function columnInput(name: string, parentId: string | null = null, extra: Partial<ColumnInput> = {}): ColumnInput {
  return { parentId, code: `c${Math.random().toString(36).slice(2, 8)}`, name, description: '', sortOrder: 0, updateIntervalDays: null, departmentIds: [], ...extra };
}

export function draftInput(columnId: string, title: string, extra: Partial<ItemDraftInput> = {}): ItemDraftInput {
  return {
    columnId,
    title,
    docNumber: '赣市自然资规〔2025〕3号',
    issuers: ['赣州市自然资源局'],
    writtenOn: '2025-09-01',
    topic: '国土资源、能源',
    summary: `${title}的内容概述`,
    bodyHtml: `<p>${title}正文。征地补偿安置按本办法执行。</p>`,
    disclosureMode: 'proactive',
    disclosureModeReason: '',
    scope: 'public',
    validity: 'inForce',
    isMajor: false,
    interpretsItemIds: [],
    ...extra,
  };
}

/** Draft, optionally attach files, then publish through the catalog's workflow port. */
export async function publishItem(
  services: Services,
  actor: StaffActor,
  input: ItemDraftInput,
  attachments: { filename: string; bytes: Buffer }[] = [],
): Promise<ItemDetail> {
  const draft = await services.catalog.createDraft(actor, input);
  for (const file of attachments) await services.catalog.addAttachment(actor, draft.id, file);
  await services.database.db.transaction().execute((trx) => services.catalog.workflow.publish(trx, draft.id, 'draft'));
  return services.catalog.getForStaff(actor, draft.id);
}

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

/** Every portal page: doctype, lang, landmarks, skip link, one h1, breadcrumb, labelled controls, no inline style or script. */
export function assertPortalPage(html: string, opts: { breadcrumb?: boolean } = {}): void {
  assert.ok(html.startsWith('<!DOCTYPE html><html lang="zh-CN">'), 'doctype and lang="zh-CN"');
  assert.equal(count(html, /<h1[\s>]/g), 1, 'exactly one h1');
  assert.ok(html.includes('<a class="skip-link" href="#main">'), 'skip link');
  assert.ok(html.includes('<main id="main"'), 'main landmark');
  for (const tag of ['<header', '<footer', '<nav class="main-nav" aria-label="主导航"']) assert.ok(html.includes(tag), tag);
  if (opts.breadcrumb !== false) assert.ok(html.includes('<nav class="breadcrumb" aria-label="当前位置">'), 'breadcrumb');
  assert.ok(!/\sstyle=/i.test(html), 'no inline style attributes (CSP)');
  assert.ok(!/<script(?![^>]*\ssrc=)[^>]*>/i.test(html), 'no inline scripts (CSP)');
  assertLabelled(html);
}

/** Each visible input and select has an id with a <label for>. */
export function assertLabelled(html: string): void {
  for (const m of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    const tag = m[0];
    if (/type="(hidden|submit)"/.test(tag)) continue;
    const id = /\sid="([^"]+)"/.exec(tag)?.[1];
    assert.ok(id, `control without id: ${tag}`);
    assert.ok(html.includes(`<label for="${id}"`), `control #${id} has a label`);
  }
}

/** No markup from user data: no script or img element and no event-handler attribute on any tag. */
export function assertNoInjectedMarkup(html: string): void {
  assert.ok(!/<script>alert/i.test(html), 'unescaped <script>alert');
  assert.ok(!/<img\s+src=x/i.test(html), 'unescaped <img src=x');
  for (const m of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const withoutValues = m[0].replace(/"[^"]*"/g, '""');
    assert.ok(!/\son[a-z]+\s*=/i.test(withoutValues), `event handler attribute in ${m[0]}`);
  }
}

export const h1Text = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
