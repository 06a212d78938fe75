// Real documents for the redaction tests, the browser test and the benchmark: a PDF with Chinese
// text written by MuPDF itself (Adobe-GB1 CJK font), with an Info dictionary and an XMP stream;
// a DOCX whose name is split across two runs, with author and title properties.
import { loadMupdf } from '../../src/modules/privacy/redaction.pdf.ts';
import { zip } from '../helpers/sample-files.ts';

export const NAME = '王小明';
export const ID_NUMBER = '320402198001016334';
export const MOBILE = '13812341234';

/** The lines of a land-acquisition compensation notice carrying one person's data. */
export const NOTICE_LINES = [
  '示例县自然资源局征地补偿安置公告',
  '根据征地补偿安置方案，现将补偿登记结果公告如下。',
  `被征收人：${NAME}`,
  `身份证号：${ID_NUMBER}`,
  `联系电话：${MOBILE}`,
  '补偿金额按区片综合地价执行，地上附着物另行补偿。',
];

const hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
const xmp = (title: string, author: string) =>
  `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title}</dc:title><dc:creator>${author}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** An A4 PDF, one array of lines per page, 14 pt text from y = 72 down. */
export async function chinesePdf(pages: string[][], meta: { title: string; author: string } = { title: `${NAME}的补偿登记`, author: NAME }): Promise<Buffer> {
  const mupdf = await loadMupdf();
  const doc = new mupdf.PDFDocument();
  try {
    const font = doc.addCJKFont(new mupdf.Font('zh-Hans'), 'zh-Hans', 0, false);
    const resources = doc.addObject({ Font: { F1: font } });
    for (const lines of pages) {
      let content = 'BT /F1 14 Tf 1 0 0 1 72 770 Tm 22 TL\n';
      for (const line of lines) content += `<${hex(line)}> Tj T*\n`;
      content += 'ET\n0 0 1 RG 72 600 m 523 600 l S\n';
      doc.insertPage(-1, doc.addPage([0, 0, 595, 842], 0, resources, content));
    }
    doc.setMetaData('info:Title', meta.title);
    doc.setMetaData('info:Author', meta.author);
    doc.setMetaData('info:Subject', `${meta.author} 补偿`);
    doc.setMetaData('info:Keywords', meta.author);
    const metadata = doc.addStream(xmp(meta.title, meta.author), { Type: 'Metadata', Subtype: 'XML' });
    doc.getTrailer().get('Root').put('Metadata', metadata);
    return Buffer.from(doc.saveToBuffer('compress').asUint8Array());
  } finally {
    doc.destroy();
  }
}

/** A DOCX: the name is split across two runs ("王" + "小明"), the ID number is in one run. */
export function chineseDocx(): Buffer {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
  const body = [
    `<w:p>${run('征地补偿安置公告')}</w:p>`,
    `<w:p>${run('被征收人：')}${run(NAME.slice(0, 1))}<w:r><w:rPr><w:b/></w:rPr><w:t>${NAME.slice(1)}</w:t></w:r>${run('，户主。')}</w:p>`,
    `<w:p>${run(`身份证号：${ID_NUMBER}，补偿金额按区片综合地价执行。`)}</w:p>`,
  ].join('');
  return zip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>` },
    {
      name: 'docProps/core.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${NAME}补偿</dc:title><dc:creator>${NAME}</dc:creator><cp:lastModifiedBy>${NAME}</cp:lastModifiedBy></cp:coreProperties>`,
    },
  ]);
}
