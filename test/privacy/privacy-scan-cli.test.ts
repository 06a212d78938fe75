// `gongkai privacy scan FILE [--json]` on txt, html, docx and pdf: the JSON output is exactly the
// array of {type, text, start, end, confidence} the detector returns for the document's text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { sampleDocx, samplePdf } from '../helpers/sample-files.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-scan-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const fixtures = path.join(import.meta.dirname, '../fixtures/notices');

function scan(...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/gongkai.js', 'privacy', 'scan', ...args], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'development' } });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

type Row = { type: string; text: string; start: number; end: number; confidence: number };

describe('privacy scan CLI', () => {
  test('--json prints exactly the findings array (txt)', () => {
    const file = path.join(tmp, 'notice.txt');
    fs.writeFileSync(file, '被征收人：王建国，手机13812345678，邮箱 wang.jg@163.com\n');
    const r = scan(file, '--json');
    assert.equal(r.status, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as Row[];
    assert.deepEqual(rows.map((x) => Object.keys(x)), rows.map(() => ['type', 'text', 'start', 'end', 'confidence']));
    assert.deepEqual(rows.map((x) => [x.type, x.text, x.start, x.end]), [['name', '王建国', 5, 8], ['mobile', '13812345678', 11, 22], ['email', 'wang.jg@163.com', 26, 41]]);
  });

  test('html tables: the columns headed 户主姓名 and 家庭住址', () => {
    const r = scan(path.join(fixtures, 'land-acquisition-01.html'), '--json');
    assert.equal(r.status, 0, r.stderr);
    const types = new Set((JSON.parse(r.stdout) as Row[]).map((x) => x.type));
    assert.deepEqual([...types].sort(), ['address', 'bankCard', 'idCard', 'name']);
  });

  test('docx and pdf are read through the catalog text extraction', () => {
    const docx = path.join(tmp, 'list.docx');
    fs.writeFileSync(docx, sampleDocx({ paragraphs: ['申请人：李秀英', '联系电话：13912345678'] }));
    const d = JSON.parse(scan(docx, '--json').stdout) as Row[];
    assert.deepEqual(d.map((x) => [x.type, x.text]), [['name', '李秀英'], ['mobile', '13912345678']]);
    const pdf = path.join(tmp, 'notice.pdf');
    fs.writeFileSync(pdf, samplePdf(['Contact: 13712345678', 'Mail: li.xy@example.com']));
    const p = JSON.parse(scan(pdf, '--json').stdout) as Row[];
    assert.deepEqual(p.map((x) => [x.type, x.text]), [['mobile', '13712345678'], ['email', 'li.xy@example.com']]);
  });

  test('human output in Chinese; a clean file says so; unknown types are refused', () => {
    const clean = path.join(tmp, 'clean.txt');
    fs.writeFileSync(clean, '海自然资规发〔2025〕12号，面积12345.67平方米，2025年3月1日。');
    assert.match(scan(clean).stdout, /未发现个人信息/);
    const bad = path.join(tmp, 'x.exe');
    fs.writeFileSync(bad, 'x');
    const r = scan(bad);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /只支持/);
  });
});
