// The fingerprint of a published item (网页防篡改, issue 8 part 4): one SHA-256 per public field
// (what the portal shows: title, 文号, metadata, the body and its de-identified copy, the
// attachment list) and one over them all. Per-field hashes let an alert say WHAT changed without
// storing a second copy of the content.
import { createHash } from 'node:crypto';

export interface PublicSnapshot {
  agencyId: string;
  columnId: string;
  status: string;
  title: string;
  docNumber: string;
  issuers: string;
  writtenOn: string | null;
  topic: string;
  summary: string;
  bodyHtml: string;
  publicBodyHtml: string | null;
  indexNumber: string | null;
  publishedOn: string | null;
  validity: string;
  repealedOn: string | null;
  scope: string;
  version: number;
  /** The files the public downloads: the redacted copy where one was made (区分处理), else the original. */
  attachments: { attachmentId: string; filename: string; mediaType: string; sha256: string }[];
}

export const FIELD_LABELS = {
  title: '标题', docNumber: '文号', issuers: '发文机关', writtenOn: '成文日期', topic: '主题分类', summary: '内容概述',
  body: '正文', publicBody: '公开版正文（去标识化）', indexNumber: '索引号', publishedOn: '发布日期', columnId: '所属栏目',
  validity: '有效性', repealedOn: '废止日期', scope: '公开范围', agencyId: '发布机关', attachments: '附件清单',
} as const;

export type FingerprintField = keyof typeof FIELD_LABELS;

export interface Fingerprint {
  contentSha256: string;
  fieldHashes: Record<FingerprintField, string>;
  attachments: { attachmentId: string; filename: string; sha256: string }[];
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hashValue = (v: unknown) => sha256Hex(JSON.stringify(v ?? null));

export function fingerprintOf(s: PublicSnapshot): Fingerprint {
  const attachments = [...s.attachments].sort((a, b) => a.attachmentId.localeCompare(b.attachmentId));
  const values: Record<FingerprintField, unknown> = {
    title: s.title, docNumber: s.docNumber, issuers: s.issuers, writtenOn: s.writtenOn, topic: s.topic, summary: s.summary,
    body: s.bodyHtml, publicBody: s.publicBodyHtml, indexNumber: s.indexNumber, publishedOn: s.publishedOn, columnId: s.columnId,
    validity: s.validity, repealedOn: s.repealedOn, scope: s.scope, agencyId: s.agencyId, attachments,
  };
  const fieldHashes = Object.fromEntries((Object.keys(FIELD_LABELS) as FingerprintField[]).map((k) => [k, hashValue(values[k])])) as Record<FingerprintField, string>;
  return {
    contentSha256: hashValue(fieldHashes),
    fieldHashes,
    attachments: attachments.map((a) => ({ attachmentId: a.attachmentId, filename: a.filename, sha256: a.sha256 })),
  };
}

/** The fields whose hash differs from the recorded one, in the order of FIELD_LABELS. */
export function changedFields(recorded: Record<string, string>, observed: Record<FingerprintField, string>): FingerprintField[] {
  return (Object.keys(FIELD_LABELS) as FingerprintField[]).filter((k) => recorded[k] !== observed[k]);
}
