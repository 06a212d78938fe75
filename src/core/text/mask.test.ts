import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskEmail, maskIdNumber, maskName, maskPhone } from './mask.ts';

test('identity numbers keep the first and last four', () => {
  assert.equal(maskIdNumber('320402198001016333'), '3204**********6333');
  assert.equal(maskIdNumber('32040280010163X'), '3204*******163X');
});

test('phones keep the carrier prefix or area code and the last four', () => {
  assert.equal(maskPhone('13812341234'), '138****1234');
  assert.equal(maskPhone('+8613812341234'), '138****1234');
  assert.equal(maskPhone('0513-83561234'), '0513-****1234');
});

test('names keep the surname', () => {
  assert.equal(maskName('王小明'), '王**');
  assert.equal(maskName('王五'), '王*');
  assert.equal(maskName('欧阳明'), '欧阳*');
});

test('e-mail keeps the first letter and the domain', () => {
  assert.equal(maskEmail('zhang@example.cn'), 'z****@example.cn');
});
