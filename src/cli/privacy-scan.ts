// gongkai privacy scan FILE [--json] [--min 0.3]: personal data in a txt, html, docx or pdf file.
// Runs without the database: a clerk can check a document before uploading it.
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.ts';
import { findPersonalData, type PiiType } from '../core/text/pii.ts';
import { documentKind, documentText } from '../modules/privacy/index.ts';
import type { CliCommand } from './commands.ts';

const TYPE_LABELS: Record<PiiType, string> = {
  idCard: '身份证号', mobile: '手机号', landline: '固定电话', creditCode: '统一社会信用代码', bankCard: '银行卡号',
  propertyCertificate: '不动产权证号', propertyUnit: '不动产单元号', email: '电子邮箱', passport: '护照/通行证', name: '姓名', address: '住址',
};

export const privacyScanCommand: CliCommand = {
  summary: '查找文件中的个人信息 FILE [--json]（txt、html、docx、pdf）',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, min: { type: 'string' } } });
    const file = positionals[0];
    if (!file) throw new AppError(64, 'USAGE', '请指定要检查的文件');
    const kind = documentKind(file);
    if (!kind) throw new AppError(64, 'USAGE', '只支持 txt、html、docx、pdf 文件');
    const min = values.min === undefined ? 0 : Number(values.min);
    if (!(min >= 0 && min <= 1)) throw new AppError(64, 'USAGE', '--min 须为 0 到 1 之间的数');
    const text = await documentText(await fs.readFile(file), kind);
    const findings = findPersonalData(text, { minConfidence: min });
    if (values.json) {
      console.log(JSON.stringify(findings.map(({ type, text: t, start, end, confidence }) => ({ type, text: t, start, end, confidence }))));
      return 0;
    }
    if (findings.length === 0) console.log('未发现个人信息');
    for (const f of findings) console.log(`${TYPE_LABELS[f.type]}\t${f.text}\t位置 ${f.start}–${f.end}\t置信度 ${f.confidence}`);
    if (findings.length > 0) console.log(`共 ${findings.length} 处`);
    return 0;
  },
};
