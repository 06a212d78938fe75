// Unit tests for the portal's pure helpers: paging window, links carrying the agency, file
// metadata labels, catalog-tree paths, reading rooms and the download header.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ColumnNode } from '../catalog/index.ts';
import { fileTypeLabel, formatSize, pageWindow, portalHref } from './components.tsx';
import { contentDisposition } from '../../core/http/download.ts';
import { columnPath, flattenColumns, parseReadingRooms, type PortalContext } from './portal.service.ts';

const node = (id: string, name: string, children: ColumnNode[] = []): ColumnNode => ({
  id, agencyId: 'a', parentId: null, code: id, name, description: '', sortOrder: 0, updateIntervalDays: null, departmentIds: [], children,
});

describe('portal helpers', () => {
  test('pageWindow keeps first, last and two neighbours, with gaps', () => {
    assert.deepEqual(pageWindow(1, 1), [1]);
    assert.deepEqual(pageWindow(1, 5), [1, 2, 3, 'gap', 5]);
    assert.deepEqual(pageWindow(6, 12), [1, 'gap', 4, 5, 6, 7, 8, 'gap', 12]);
    assert.deepEqual(pageWindow(3, 4), [1, 2, 3, 4]);
  });

  test('portalHref carries ?agency= only for a non-default agency', () => {
    const ctx = { agencyParam: null } as PortalContext;
    assert.equal(portalHref(ctx, '/search', { q: '征地', page: undefined }), `/search?q=${encodeURIComponent('征地')}`);
    assert.equal(portalHref(ctx, '/guide'), '/guide');
    const county = { agencyParam: 'rj' } as PortalContext;
    assert.equal(portalHref(county, '/guide'), '/guide?agency=rj');
    assert.equal(portalHref(county, '/search', { q: 'a&b' }), '/search?agency=rj&q=a%26b');
  });

  test('file labels and sizes', () => {
    assert.equal(fileTypeLabel('方案.pdf', 'application/pdf'), 'PDF');
    assert.equal(fileTypeLabel('noext', 'image/png'), 'PNG');
    assert.equal(formatSize(512), '512 B');
    assert.equal(formatSize(2048), '2.0 KB');
    assert.equal(formatSize(3 * 1024 * 1024 + 100), '3.0 MB');
  });

  test('columnPath and flattenColumns follow the tree', () => {
    const tree = [node('a', '政策法规', [node('b', '规范性文件', [node('c', '现行有效')])]), node('d', '国土公告')];
    assert.deepEqual(columnPath(tree, 'c').map((c) => c.id), ['a', 'b', 'c']);
    assert.deepEqual(columnPath(tree, 'x'), []);
    assert.deepEqual(flattenColumns(tree).map((f) => `${f.column.id}${f.depth}`), ['a0', 'b1', 'c2', 'd0']);
  });

  test('parseReadingRooms tolerates bad JSON and drops nameless rooms', () => {
    assert.deepEqual(parseReadingRooms(''), []);
    assert.deepEqual(parseReadingRooms('{bad'), []);
    assert.deepEqual(parseReadingRooms('[{"name":"档案馆","address":"路 1 号","hours":"9-17"},{"address":"x"}]'), [
      { name: '档案馆', address: '路 1 号', hours: '9-17' },
    ]);
  });

  test('contentDisposition gives an ASCII fallback and the RFC 5987 UTF-8 name', () => {
    assert.equal(
      contentDisposition('征地方案(2025).pdf'),
      `attachment; filename="____(2025).pdf"; filename*=UTF-8''${encodeURIComponent('征地方案')}%282025%29.pdf`,
    );
    const tricky = contentDisposition('a"b\\c\r\n.txt');
    assert.ok(!/[\r\n]/.test(tricky));
    assert.ok(tricky.startsWith('attachment; filename="a_b_c__.txt"'));
  });
});
