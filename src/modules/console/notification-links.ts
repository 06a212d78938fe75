// Where a notification in the console inbox leads: the record it is about. Every subjectType a
// module files notifications under has an entry (notification-links.test.ts checks the sources),
// so no reminder or alert arrives without the way to act on it.
const enc = encodeURIComponent;

export interface NotificationLink { href: string; label: string }

type LinkOf = (subjectId: string, kind: string) => NotificationLink;

const LINKS: Record<string, LinkOf> = {
  request: (id) => ({ href: `/console/requests/${enc(id)}`, label: '查看申请' }),
  // The alert alone, open or resolved: the inbox keeps notices after the alert is handled.
  tamperAlert: (id) => ({ href: `/console/tamper?alert=${enc(id)}#alert-${enc(id)}`, label: '查看告警' }),
  column: () => ({ href: '/console/freshness#h-attention', label: '查看栏目更新情况' }),
  item: (id, kind) =>
    kind.startsWith('releaseCoordination.')
      ? { href: `/console/items/${enc(id)}/coordination`, label: '查看发布协调' }
      : { href: `/console/items/${enc(id)}`, label: '查看信息' },
  readingRoomProvision: () => ({ href: '/console/reading-rooms', label: '查看查阅场所清单' }),
  message: (id) => ({ href: `/console/messages/${enc(id)}`, label: '查看留言' }),
};

export const LINKED_SUBJECT_TYPES: readonly string[] = Object.keys(LINKS);

export function notificationLink(n: { subjectType: string; subjectId: string; kind: string }): NotificationLink | undefined {
  return Object.hasOwn(LINKS, n.subjectType) ? LINKS[n.subjectType](n.subjectId, n.kind) : undefined;
}
