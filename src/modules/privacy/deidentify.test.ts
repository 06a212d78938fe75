import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPersonalData } from '../../core/text/pii.ts';
import { carryMasks, deidentifyText, maskValue } from './deidentify.ts';
import { htmlToScanText, replaceInHtml } from './html-text.ts';

test('masking rules per type keep the length', () => {
  const cases: [Parameters<typeof maskValue>[0], string, string][] = [
    ['idCard', '320402198001016333', '3204**********6333'],
    ['mobile', '13812341234', '138****1234'],
    ['mobile', '+86 138-1234-1234', '+86 138-****-1234'],
    ['landline', '0513-83561234', '0513-****1234'],
    ['bankCard', '6228 4800 1234 5678 901', '6228 **** **** ***8 901'],
    ['name', '王五', '王*'],
    ['name', '欧阳明', '欧阳*'],
    ['propertyCertificate', '苏(2017)海门市不动产权第0000183号', '苏(2017)海门市不动产权第*******号'],
    ['propertyUnit', '320684001001GB00001F00010001', '320684******************0001'],
    ['passport', 'E12345678', 'E*****678'],
    ['address', '海门市三厂街道大洪村12组', '海门市三厂街道******'],
  ];
  for (const [type, value, expected] of cases) {
    const masked = maskValue(type, value);
    assert.equal(masked.length, value.length, `${type} keeps the length`);
    assert.equal(masked, expected);
  }
  assert.equal(maskValue('email', 'wang.jg@163.com'), 'w******@163.com');
});

test('the copy is masked and the original string is untouched', () => {
  const original = '被征收人：王建国，电话13812345678。';
  const result = deidentifyText(original, findPersonalData(original));
  assert.equal(result.text, '被征收人：王**，电话138****5678。');
  assert.deepEqual(result.masked.map((m) => m.type), ['name', 'mobile']);
  assert.equal(original, '被征收人：王建国，电话13812345678。');
});

test('HTML is masked in place through the offset map, tables and entities included', () => {
  const html = '<table><tr><th>姓名</th><th>电话</th></tr><tr><td>王<strong>建国</strong></td><td>138&#49;2345678</td></tr></table><p>A&amp;B</p>';
  const mapped = htmlToScanText(html);
  assert.equal(mapped.text, '姓名\t电话\t\n王建国\t13812345678\t\n\nA&B\n');
  const findings = findPersonalData(mapped.text);
  const { masked } = deidentifyText(mapped.text, findings);
  const out = replaceInHtml(html, mapped, masked.map((m) => ({ start: m.start, end: m.end, value: m.masked })));
  assert.equal(out, '<table><tr><th>姓名</th><th>电话</th></tr><tr><td>王<strong>**</strong></td><td>138****5678</td></tr></table><p>A&amp;B</p>');
});

test('a revised body keeps the masks of the earlier public copy', () => {
  const oldHtml = '<p>被征收人：王建国，电话13812345678。</p>';
  const oldPublic = '<p>被征收人：王**，电话138****5678。</p>';
  const revised = '<p>被征收人：王建国，电话13812345678，补偿款已于2025年5月发放。</p><p>王建国签收。</p>';
  assert.equal(carryMasks(oldHtml, oldPublic, revised), '<p>被征收人：王**，电话138****5678，补偿款已于2025年5月发放。</p><p>王**签收。</p>');
  assert.equal(carryMasks(oldHtml, oldHtml, revised), null);
});
