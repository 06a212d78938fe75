// gongkai items import FILE... : brings historical, already-published documents into the
// catalog (status published, index number by publication year, search index), each audited as
// 'item.import'. Reads .txt, .html/.htm, .docx (mammoth) and .pdf (pdfjs); PDF and DOCX
// originals are kept as attachments.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.ts';
import { isLegalDate } from '../core/time/dates.ts';
import { today } from '../core/time/clock.ts';
import { docxToHtml, extractPdfText, sanitizeBody, splitTitle, textToHtml, type ColumnNode } from '../modules/catalog/index.ts';
import type { CliCommand } from './commands.ts';
import { cliActor, resolveAgency, withServices } from './context.ts';

/** Title and sanitised body of one file; the title falls back to the file name. */
export async function readImportFile(file: string): Promise<{ title: string; bodyHtml: string; attach: boolean; bytes: Buffer }> {
  const bytes = await fs.readFile(file);
  const ext = path.extname(file).toLowerCase();
  let html: string;
  if (ext === '.txt') html = textToHtml(bytes.toString('utf8'));
  else if (ext === '.html' || ext === '.htm') {
    const source = bytes.toString('utf8');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(source)?.[1] ?? source;
    html = sanitizeBody(body.replace(/<(h1)\b/gi, '<h2').replace(/<\/h1>/gi, '</h2>'));
  } else if (ext === '.docx') html = sanitizeBody(await docxToHtml(bytes));
  else if (ext === '.pdf') html = textToHtml(await extractPdfText(bytes));
  else throw new AppError(64, 'USAGE', `不支持的文件类型：${file}（支持 txt、html、docx、pdf）`);
  const split = splitTitle(html);
  const fallback = path.basename(file, path.extname(file));
  return { title: split.title || fallback, bodyHtml: split.title ? split.bodyHtml : html, attach: ext === '.pdf' || ext === '.docx', bytes };
}

function findColumn(tree: ColumnNode[], name: string): ColumnNode | undefined {
  for (const c of tree) {
    if (c.name === name || c.code === name) return c;
    const hit = findColumn(c.children, name);
    if (hit) return hit;
  }
  return undefined;
}

export const itemsImportCommand: CliCommand = {
  summary: '导入历史已公开信息 FILE... --column 栏目名称 [--published-on YYYY-MM-DD] [--agency CODE]',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { column: { type: 'string' }, 'published-on': { type: 'string' }, agency: { type: 'string' } },
    });
    if (!positionals.length) throw new AppError(64, 'USAGE', '请给出要导入的文件');
    const publishedOn = values['published-on'];
    if (publishedOn && !isLegalDate(publishedOn)) throw new AppError(64, 'USAGE', '--published-on 格式应为 YYYY-MM-DD');
    return withServices(async (services) => {
      const agency = await resolveAgency(services, values.agency);
      const tree = await services.catalog.columnTree(agency.id);
      const column = values.column ? findColumn(tree, values.column) : tree.length === 1 ? tree[0] : undefined;
      if (!column) throw new AppError(64, 'USAGE', values.column ? `找不到栏目 ${values.column}` : '请用 --column 指定栏目');
      let imported = 0;
      for (const file of positionals) {
        const doc = await readImportFile(file);
        const item = await services.catalog.importPublished(cliActor(), agency.id, {
          columnId: column.id, title: doc.title.slice(0, 200), bodyHtml: doc.bodyHtml, publishedOn: publishedOn ?? today(services.clock),
          attachments: doc.attach ? [{ filename: path.basename(file), bytes: doc.bytes }] : [],
        });
        console.log(`已导入：${item.indexNumber}  ${item.title}`);
        imported++;
      }
      console.log(`共导入 ${imported} 条（${agency.name}，栏目：${column.name}）`);
      return 0;
    });
  },
};
