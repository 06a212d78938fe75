import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { passwordProblem, temporaryPassword } from './passwords.ts';

describe('passwordProblem (等保 2.0 level 3)', () => {
  test('needs 10 characters', () => {
    assert.equal(passwordProblem('Ab1!xyz'), '密码至少 10 位');
  });
  test('needs three of the four character classes', () => {
    assert.match(passwordProblem('abcdefgh12') ?? '', /至少三类/);
    assert.match(passwordProblem('abcdefghij!') ?? '', /至少三类/);
    assert.equal(passwordProblem('Abcdefgh12'), null, 'upper, lower, digit');
    assert.equal(passwordProblem('abcdefg#12'), null, 'lower, digit, symbol');
    assert.equal(passwordProblem('ABCDEFG#xy'), null, 'upper, lower, symbol');
  });
  test('may not contain the username, in any case', () => {
    assert.equal(passwordProblem('Zhangsan#2025', 'zhangsan'), '密码不能包含用户名');
    assert.equal(passwordProblem('Lisi-pass#2025', 'zhangsan'), null);
  });
  test('temporary passwords satisfy the rule and differ each time', () => {
    const made = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword();
      assert.equal(passwordProblem(p), null, p);
      assert.equal(p.length, 14);
      made.add(p);
    }
    assert.equal(made.size, 200);
  });
});
