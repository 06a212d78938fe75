// Every kind of notification the modules file leads somewhere in the console: the subjectTypes
// written next to an insertNotification / insertReminder call in src/ all have a link.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { LINKED_SUBJECT_TYPES, notificationLink } from './notification-links.ts';

const SRC = path.join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** subjectType literals within the call that files a notification (the object literal follows the call). */
function notifiedSubjectTypes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const call of text.matchAll(/\.(insertNotification|insertReminder)\(/g)) {
      const window = text.slice(call.index, call.index + 700);
      const end = window.indexOf('});');
      for (const m of window.slice(0, end < 0 ? undefined : end).matchAll(/subjectType: '(\w+)'/g)) found.set(m[1], path.relative(SRC, file));
    }
  }
  return found;
}

describe('notification links', () => {
  test('every subjectType the modules notify about has a link', () => {
    const found = notifiedSubjectTypes();
    const missing = [...found].filter(([t]) => !LINKED_SUBJECT_TYPES.includes(t)).map(([t, f]) => `${t} (${f})`);
    assert.deepEqual(missing, []);
    // And the scan sees every linked kind (no stale entry, no scan that silently finds nothing).
    assert.deepEqual([...found.keys()].sort(), [...LINKED_SUBJECT_TYPES].sort());
  });

  test('links name the record, escaped; release coordination reminders go to the coordination page', () => {
    assert.deepEqual(notificationLink({ subjectType: 'tamperAlert', subjectId: 'A1', kind: 'tamper.alert' }), { href: '/console/tamper?alert=A1#alert-A1', label: '查看告警' });
    assert.equal(notificationLink({ subjectType: 'request', subjectId: 'a/b', kind: 'reminder.reply.3' })?.href, '/console/requests/a%2Fb');
    assert.equal(notificationLink({ subjectType: 'item', subjectId: 'I1', kind: 'releaseCoordination.overdue' })?.href, '/console/items/I1/coordination');
    assert.equal(notificationLink({ subjectType: 'item', subjectId: 'I1', kind: 'other' })?.href, '/console/items/I1');
    assert.equal(notificationLink({ subjectType: 'message', subjectId: 'M1', kind: 'message.dueSoon' })?.href, '/console/messages/M1');
    assert.equal(notificationLink({ subjectType: 'unknown', subjectId: 'X', kind: 'x' }), undefined);
    assert.equal(notificationLink({ subjectType: 'constructor', subjectId: 'X', kind: 'x' }), undefined);
  });
});
