import { fileTypeFromBuffer } from 'file-type';
import { samplePdf, sampleDocx, samplePng, sampleExe } from '/work/main/test/helpers/sample-files.ts';
import { extractPdfText, extractDocxText, docxToHtml } from '/work/main/src/modules/catalog/text-extract.ts';
const pdf = samplePdf(['Hello land notice', 'second line']);
const docx = sampleDocx({ heading: '关于征地的通知', paragraphs: ['第一段<script>', '第二段'] });
for (const b of [pdf, docx, samplePng, sampleExe()]) console.log(await fileTypeFromBuffer(b));
console.log(JSON.stringify(await extractPdfText(pdf)));
console.log(JSON.stringify(await extractDocxText(docx)));
console.log(await docxToHtml(docx));
