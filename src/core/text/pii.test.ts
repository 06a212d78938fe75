import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { creditCodeCheckChar, idCardCheckChar } from './identifiers.ts';
import { findPersonalData, isLuhnValid, isValidOldIdCard, type PiiType } from './pii.ts';

const validId = (first17: string) => first17 + idCardCheckChar(first17);
const validCredit = (first17: string) => first17 + creditCodeCheckChar(first17);
function luhn(prefix: string, length: number): string {
  const body = prefix.padEnd(length - 1, '7');
  for (let d = 0; d <= 9; d++) if (isLuhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}
const found = (text: string) => findPersonalData(text).map((f) => [f.type, f.text]);
const typesIn = (text: string): PiiType[] => findPersonalData(text).map((f) => f.type);

describe('resident ID numbers', () => {
  const id = validId('32068419800101123');
  test('a valid 18-digit number is found with its position', () => {
    const text = `身份证号：${id}。`;
    const [f] = findPersonalData(text);
    assert.deepEqual(f && { type: f.type, start: f.start, end: f.end }, { type: 'idCard', start: 5, end: 23 });
    assert.equal(text.slice(f!.start, f!.end), id);
  });
  test('a wrong check digit or impossible birth date is not personal data', () => {
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    assert.deepEqual(typesIn(`号码${wrong}号`), []);
    assert.deepEqual(typesIn(`号码${validId('32068419800230123')}号`), []);
  });
  test('a lower-case x check character counts', () => {
    const x = ['11010519491231002', '32068419800101123', '11010119900307803'].map(validId).find((v) => v.endsWith('X'));
    assert.ok(x);
    assert.deepEqual(found(`证号${x!.toLowerCase()}`), [['idCard', x!.toLowerCase()]]);
  });
  test('15-digit old numbers need a real birth date', () => {
    assert.ok(isValidOldIdCard('320684800101123'));
    assert.ok(!isValidOldIdCard('320684801301123'));
    assert.deepEqual(found('旧证320684800101123。'), [['idCard', '320684800101123']]);
    assert.deepEqual(found('编号320684801301123。'), []);
  });
  test('an ID inside a longer digit run is not found', () => {
    assert.deepEqual(typesIn(`9${id}9`).filter((t) => t === 'idCard'), []);
  });
});

describe('phones', () => {
  test('mobiles with +86, spaces or hyphens', () => {
    assert.deepEqual(found('电话13812345678，+8613912345678，139-1234-5678'), [['mobile', '13812345678'], ['mobile', '+8613912345678'], ['mobile', '139-1234-5678']]);
  });
  test('a mobile-looking run inside a longer number or an amount is not a phone', () => {
    assert.deepEqual(found('编号2013812345678123，金额13812345678.50元'), []);
    assert.deepEqual(found('号码12345678901'), []);
  });
  test('landlines with area codes; agency service lines are public', () => {
    assert.deepEqual(found('家中电话0513-83561234，（0513）83561235'), [['landline', '0513-83561234'], ['landline', '（0513）83561235']]);
    assert.deepEqual(found('咨询电话：0513-82123456，监督电话：0513-82123457'), []);
  });
  test('dates and doc numbers are not phones', () => {
    assert.deepEqual(found('2018-01-01 海政发〔2018〕38号 通〔2019〕1号'), []);
  });
});

describe('credit codes', () => {
  const org = validCredit('91320684MA1MXXXX0'.replace(/X/g, '1'));
  test('an organisation code is reported with low confidence, a 个体工商户 code higher', () => {
    const [f] = findPersonalData(`统一社会信用代码：${org}`);
    assert.equal(f?.type, 'creditCode');
    assert.ok(f!.confidence < 0.3);
    const individual = validCredit('92320684MA1M11111');
    assert.ok(findPersonalData(`代码${individual}`)[0]!.confidence >= 0.5);
  });
  test('a failing check character and the code inside an index number are not reported', () => {
    const bad = org.slice(0, 17) + (org[17] === '0' ? '1' : '0');
    assert.deepEqual(found(`代码${bad}`), []);
    assert.deepEqual(found(`索引号：${org}/2025-00001`), []);
  });
});

describe('bank cards', () => {
  const card = luhn('622848', 19);
  test('Luhn-valid card numbers, also in groups of four', () => {
    assert.deepEqual(found(`卡${card}`), [['bankCard', card]]);
    const grouped = card.replace(/(\d{4})(?=\d)/g, '$1 ');
    assert.deepEqual(found(`卡 ${grouped}`), [['bankCard', grouped]]);
  });
  test('failing Luhn: low confidence after a bank label, nothing without', () => {
    const bad = card.slice(0, 18) + ((Number(card[18]) + 1) % 10);
    const [f] = findPersonalData(`开户银行账号：${bad}`);
    assert.equal(f?.type, 'bankCard');
    assert.ok(f!.confidence <= 0.3);
    assert.deepEqual(found(`宗地编号${bad}`), []);
  });
});

describe('property records', () => {
  test('不动产权证号 with half- or full-width brackets', () => {
    assert.deepEqual(found('证号苏(2017)海门市不动产权第0000183号。'), [['propertyCertificate', '苏(2017)海门市不动产权第0000183号']]);
    assert.deepEqual(found('苏（2020）南通市不动产权第12345号'), [['propertyCertificate', '苏（2020）南通市不动产权第12345号']]);
    assert.deepEqual(found('苏(2017)海门市不动产权第183号'), []);
  });
  test('不动产单元号 of 28 characters', () => {
    assert.deepEqual(found('单元号320684001001GB00001F00010001。'), [['propertyUnit', '320684001001GB00001F00010001']]);
    assert.deepEqual(found('单元号320684001001GB00001F0001000'), []);
  });
});

describe('email, passports and permits', () => {
  test('personal email addresses; agency gov.cn mailboxes are low confidence', () => {
    assert.deepEqual(found('邮箱 wang.jg@163.com。'), [['email', 'wang.jg@163.com']]);
    assert.ok(findPersonalData('xxgk@haimen.gov.cn')[0]!.confidence < 0.3);
  });
  test('passports E/G + 8 digits, HK/Macau permits H/M + 8 or 10 digits', () => {
    assert.deepEqual(found('护照号码：E12345678；EA1234567；G87654321'), [['passport', 'E12345678'], ['passport', 'EA1234567'], ['passport', 'G87654321']]);
    assert.deepEqual(found('通行证 H1234567890 与 M12345678'), [['passport', 'H1234567890'], ['passport', 'M12345678']]);
    assert.deepEqual(found('型号E1234567890AB，P1234567'), []);
  });
});

describe('labelled names and addresses', () => {
  test('names after personal labels, lists with 、', () => {
    assert.deepEqual(found('被征收人：王建国、李秀英，男'), [['name', '王建国'], ['name', '李秀英']]);
    assert.deepEqual(found('当事人: 阿依古丽·买买提'), [['name', '阿依古丽·买买提']]);
  });
  test('organisations and de-identified names are not names', () => {
    assert.deepEqual(found('当事人：海门市宏达建材有限公司'), []);
    assert.deepEqual(found('申请人：王某某；户主：张某'), []);
    assert.deepEqual(found('申请人应当于十五日内提出'), []);
  });
  test('home addresses; the agency contact address is public', () => {
    assert.deepEqual(found('住址：海门市三厂街道大洪村12组，电话'), [['address', '海门市三厂街道大洪村12组']]);
    assert.deepEqual(found('联系地址：海门市人民中路100号'), []);
  });
  test('table columns headed 姓名 / 住址 / 银行账号', () => {
    const text = '序号\t户主姓名\t家庭住址\t补偿金额（元）\t银行账号\n1\t王建国\t大洪村12组\t12345.00\t3206840012345678901\n2\t合计\t\t12345.00\t\n说明：以上为公示';
    assert.deepEqual(found(text), [['name', '王建国'], ['address', '大洪村12组'], ['bankCard', '3206840012345678901']]);
  });
});

describe('clean text', () => {
  test('dates, amounts, areas, doc numbers and index numbers produce nothing', () => {
    const text = '索引号：11320684014123456X/2025-00001\n海自然资规〔2025〕12号\n2025年3月1日，面积12345.67平方米，补偿费1234567.89元，共计1,234,567元。';
    assert.deepEqual(findPersonalData(text, { minConfidence: 0.3 }), []);
  });
});
