// DOCX → PDF with LibreOffice (Debian libreoffice-writer-nogui), headless, in a throwaway
// directory with its own profile (so conversions can run side by side) and a fontconfig file that
// maps the Chinese government fonts a Word notice names (仿宋_GB2312, 方正小标宋简体, SimSun…) to
// Noto Serif CJK SC; without it LibreOffice falls back to a Japanese sans (STACK.md).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// 小标宋 is a heavy display face: the bold Noto Serif is the nearest.
const TITLE_ALIASES = ['方正小标宋简体', '方正小标宋_GBK', '小标宋'];
const SERIF_ALIASES = ['仿宋_GB2312', '仿宋', 'FangSong', 'FangSong_GB2312', 'SimSun', '宋体', 'STSong', 'STFangsong', '楷体_GB2312', 'KaiTi', '楷体'];
const SANS_ALIASES = ['黑体', 'SimHei', 'Microsoft YaHei', '微软雅黑'];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function fontconfigXml(): string {
  const rule = (from: string, to: string, bold = false) =>
    `  <match target="pattern"><test name="family" qual="any"><string>${escapeXml(from)}</string></test>` +
    `<edit name="family" mode="prepend" binding="strong"><string>${to}</string></edit>` +
    (bold ? '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' : '') + '</match>';
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    ...TITLE_ALIASES.map((f) => rule(f, 'Noto Serif CJK SC', true)),
    ...SERIF_ALIASES.map((f) => rule(f, 'Noto Serif CJK SC')),
    ...SANS_ALIASES.map((f) => rule(f, 'Noto Sans CJK SC')),
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    '</fontconfig>',
    '',
  ].join('\n');
}

/** The LibreOffice binary on this machine, or a clear error. */
export function sofficeBinary(): string {
  for (const candidate of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('未找到 LibreOffice：请安装 Debian 软件包 libreoffice-writer-nogui');
}

/** Converts a DOCX to PDF; rejects after `timeoutMs` (LibreOffice's first start takes seconds). */
export async function convertDocxToPdf(docx: Buffer, opts: { timeoutMs?: number } = {}): Promise<Buffer> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gongkai-soffice-'));
  try {
    const input = path.join(dir, 'document.docx');
    const fontsConf = path.join(dir, 'fonts.conf');
    await fs.promises.writeFile(input, docx);
    await fs.promises.writeFile(fontsConf, fontconfigXml());
    const args = [
      '--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--convert-to', 'pdf', '--outdir', dir, input,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(sofficeBinary(), args, { timeout: opts.timeoutMs ?? 120_000, env: { ...process.env, FONTCONFIG_FILE: fontsConf, HOME: dir } }, (err, _stdout, stderr) => {
        if (err) reject(new Error(`LibreOffice 转换失败：${err.message} ${stderr}`));
        else resolve();
      });
    });
    const output = path.join(dir, 'document.pdf');
    if (!fs.existsSync(output)) throw new Error('LibreOffice 未生成 PDF 文件');
    return await fs.promises.readFile(output);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
