import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { STATE_LABELS, type ReportData } from './assessment-report-data.ts';

/**
 * The printable assessment report (assessment.md §4.8, 附录C; ASM-10): header, C.1–C.5 and the
 * footer with validity, both signatures and the review, on A4 with Noto Sans SC embedded (subset)
 * so that Chinese renders on any reader.
 */

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** The Noto Sans SC faces, read once (also used by the indicator report, indicators/indicator-report.ts). */
export function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve(FONT_FILES.regular)),
    bold: readFileSync(require.resolve(FONT_FILES.bold)),
  };
  return fonts;
}

type Doc = InstanceType<typeof PDFDocument>;
type Cell = { text: string; width: number; bold?: boolean; align?: 'left' | 'center' | 'right'; fill?: string };

const LEFT = 50;
const WIDTH = 495;
const INK = '#1f1f1f';
const MUTED = '#666666';
const ACCENT = '#b42318';

/** One table row; a cell whose text needs more lines makes the whole row taller. */
function row(doc: Doc, cells: readonly Cell[], minHeight = 22): void {
  const y = doc.y;
  doc.fontSize(10);
  const height = Math.max(
    minHeight,
    ...cells.map(
      (cell) => doc.font(cell.bold ? 'bold' : 'regular').heightOfString(cell.text, { width: cell.width - 12 }) + 9,
    ),
  );
  let x = LEFT;
  for (const cell of cells) {
    if (cell.fill) doc.rect(x, y, cell.width, height).fill(cell.fill);
    doc.lineWidth(0.6).strokeColor('#9a9a9a').rect(x, y, cell.width, height).stroke();
    const textHeight = doc.font(cell.bold ? 'bold' : 'regular').heightOfString(cell.text, { width: cell.width - 12 });
    doc
      .fillColor(INK)
      .text(cell.text, x + 6, y + (height - textHeight) / 2, { width: cell.width - 12, align: cell.align ?? 'left' });
    x += cell.width;
  }
  doc.x = LEFT;
  doc.y = y + height;
}

function section(doc: Doc, title: string): void {
  doc.moveDown(0.8);
  doc.fillColor(INK).font('bold').fontSize(12).text(title, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

function header(doc: Doc, data: ReportData): void {
  doc.fillColor(INK).font('bold').fontSize(20).text('老年人能力评估报告', LEFT, 48, { width: WIDTH, align: 'center' });
  doc.font('regular').fontSize(10).fillColor(MUTED);
  doc.text(`${data.instrumentName}（${data.instrumentVersion}）`, { width: WIDTH, align: 'center' });
  if (data.provisional) {
    doc.fillColor(ACCENT).font('bold').text('暂行配置 (provisional)', LEFT, 50, { width: WIDTH, align: 'right' });
  }
  if (data.state !== 'approved') {
    const note = `状态：${STATE_LABELS[data.state]}${data.state === 'superseded' ? '' : '（非正式报告）'}`;
    doc.fillColor(ACCENT).font('regular').fontSize(9).text(note, LEFT, 66, { width: WIDTH, align: 'right' });
  }
  doc.x = LEFT;
  doc.y = 96;
  const pairs = data.header;
  for (let index = 0; index < pairs.length; index += 2) {
    const [first, second] = [pairs[index], pairs[index + 1]];
    row(doc, [
      { text: first?.[0] ?? '', width: 80, bold: true, fill: '#f2f4f7' },
      { text: first?.[1] ?? '', width: 167.5 },
      { text: second?.[0] ?? '', width: 80, bold: true, fill: '#f2f4f7' },
      { text: second?.[1] ?? '', width: 167.5 },
    ]);
  }
  row(doc, [
    { text: '评估设置', width: 80, bold: true, fill: '#f2f4f7' },
    { text: data.settings.join('；'), width: 415 },
  ]);
}

function body(doc: Doc, data: ReportData): void {
  section(doc, 'C.1 各一级指标得分');
  const grade = data.showGrades;
  const widths = grade ? [215, 95, 95, 90] : [255, 120, 120];
  const head = ['一级指标', '得分', '满分', ...(grade ? ['分级'] : [])];
  row(
    doc,
    head.map((text, index) => ({
      text,
      width: widths[index] ?? 90,
      bold: true,
      align: 'center' as const,
      fill: '#f2f4f7',
    })),
  );
  for (const domain of data.domains) {
    const values = [domain.name, domain.score, domain.max, ...(grade ? [domain.grade] : [])];
    row(
      doc,
      values.map((text, index) => ({
        text,
        width: widths[index] ?? 90,
        align: index === 0 ? ('left' as const) : ('center' as const),
      })),
    );
  }
  section(doc, 'C.2 总分');
  row(doc, [
    { text: '总分', width: 120, bold: true, fill: '#f2f4f7' },
    { text: data.total, width: 375 },
  ]);
  section(doc, 'C.3 初步等级');
  row(doc, [
    { text: '初步等级', width: 120, bold: true, fill: '#f2f4f7' },
    { text: data.baseLevel, width: 375 },
  ]);
  section(doc, 'C.4 等级变更依据');
  const reasons = data.reasons.length > 0 ? data.reasons : ['无（未触发等级变更条款）'];
  for (const reason of reasons) row(doc, [{ text: `• ${reason}`, width: WIDTH }]);
  section(doc, 'C.5 最终等级');
  row(
    doc,
    [
      { text: '能力等级', width: 120, bold: true, fill: '#fef3f2' },
      { text: data.finalLevel, width: 375, bold: true, fill: '#fef3f2' },
    ],
    28,
  );
}

function footer(doc: Doc, data: ReportData): void {
  section(doc, '有效期与签名');
  row(doc, [
    { text: '有效期至', width: 120, bold: true, fill: '#f2f4f7' },
    { text: data.validUntil, width: 375 },
  ]);
  data.signers.forEach((signer, index) => {
    row(doc, [
      { text: `评估员${index + 1}`, width: 120, bold: true, fill: '#f2f4f7' },
      { text: signer.name, width: 140 },
      { text: '签名时间', width: 90, bold: true, fill: '#f2f4f7' },
      { text: signer.signedAt ?? '未签名', width: 145 },
    ]);
  });
  row(doc, [
    { text: '审核人', width: 120, bold: true, fill: '#f2f4f7' },
    { text: data.reviewer, width: 140 },
    { text: '审核时间', width: 90, bold: true, fill: '#f2f4f7' },
    { text: data.approvedAt, width: 145 },
  ]);
  doc.moveDown(0.8);
  doc.fillColor(MUTED).font('regular').fontSize(8);
  doc.text(`签名内容摘要 SHA-256：${data.contentHash}`, LEFT, doc.y, { width: WIDTH });
  doc.text(`本报告由康养服务平台生成于 ${data.generatedAt}（北京时间）。身份证号已脱敏显示。`, { width: WIDTH });
}

/** Renders the report to PDF bytes. */
export function renderAssessmentReport(data: ReportData): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: LEFT,
    info: { Title: '老年人能力评估报告', Subject: data.instrumentVersion, Creator: 'Kangyang' },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  header(doc, data);
  body(doc, data);
  footer(doc, data);
  doc.end();
  return done;
}
