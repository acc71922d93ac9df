import PDFDocument from 'pdfkit';
import type { IndicatorItemDto, IndicatorList, IndicatorStatus } from '@kangyang/contracts/indicators';
import { loadFonts } from '../assessments/assessment-report.ts';
import { createSheetWriter } from '../exports/spreadsheet.ts';

/** KPI-9: a plan's indicators as .xlsx and as a PDF report with charts and Chinese text. */

export const STATUS_LABELS: Readonly<Record<IndicatorStatus, string>> = {
  met: '已达标',
  on_track: '进度正常',
  at_risk: '有风险',
  missed: '未达标',
};
const STATUS_COLOURS: Readonly<Record<IndicatorStatus, string>> = {
  met: '#2e7d32',
  on_track: '#1565c0',
  at_risk: '#ef6c00',
  missed: '#c62828',
};
const SOURCE_LABELS = { computed: '系统计算', declared: '认定', reported: '填报' } as const;

/** A value in its unit, as people read it: 54.00 %, 1:60, ¥2,000,000.00, 42. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  switch (unit) {
    case 'basisPoints':
      return `${(value / 100).toFixed(2)}%`;
    case 'perN':
      return `1:${value}`;
    case 'fen':
      return `¥${(value / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
    case 'perTenThousand':
      return `${value}/万人`;
    default:
      return String(value);
  }
}

const targetText = (item: IndicatorItemDto): string => {
  const { op, value, max, unit } = item.target;
  if (op === 'between') return `${formatValue(value, unit)}–${formatValue(max, unit)}`;
  const sign = op === 'up' ? '高于' : op === 'about' ? '约' : op;
  return `${sign} ${formatValue(value, unit)}`;
};

const fileStem = (list: IndicatorList) => `规划${list.profileId}-指标-${list.regionName}-${list.year}`;

export function indicatorWorkbook(list: IndicatorList) {
  const { stream, writer } = createSheetWriter();
  writer.addSheet('指标 Indicators', [
    { header: '编号 Id', width: 10, text: true },
    { header: '指标', width: 36 },
    { header: 'Indicator', width: 36 },
    { header: '当前值 Value', width: 16 },
    { header: '目标 Target', width: 18 },
    { header: '期限 Deadline', width: 12 },
    { header: '状态 Status', width: 12 },
    { header: '来源 Source', width: 10 },
    { header: '计算口径', width: 48 },
    { header: '分子 Numerator', width: 14 },
    { header: '分母 Denominator', width: 14 },
    { header: '缺少数据 Missing source', width: 40 },
  ]);
  for (const item of list.items)
    writer.add([
      item.id,
      item.name.zh,
      item.name.en,
      formatValue(item.value, item.unit),
      targetText(item),
      item.deadline ?? item.target.recurrence ?? '',
      item.status ? STATUS_LABELS[item.status] : '',
      SOURCE_LABELS[item.source],
      item.formulaText.zh,
      item.numerator,
      item.denominator,
      item.missingSource?.text.zh ?? '',
    ]);
  writer.add([]);
  writer.add(['区域', `${list.regionName} (${list.regionCode})`]);
  writer.add(['数据刷新时间', list.lastRefreshedAt ?? '尚未刷新']);
  void writer.finish();
  return { fileName: `${fileStem(list)}.xlsx`, stream };
}

type Doc = InstanceType<typeof PDFDocument>;
const LEFT = 40;
const WIDTH = 515;
const BAR = { x: 330, width: 150, height: 9 };

/** Progress of value towards target as a bar (the chart); a missing value draws an empty frame. */
function progressBar(doc: Doc, item: IndicatorItemDto, y: number): void {
  doc.lineWidth(0.5).strokeColor('#9e9e9e').rect(BAR.x, y, BAR.width, BAR.height).stroke();
  if (item.value === null || item.target.value === 0) return;
  const ratio =
    item.unit === 'perN' ? item.target.value / Math.max(item.value, 1) : item.value / Math.max(item.target.value, 1);
  const colour = item.status ? STATUS_COLOURS[item.status] : '#9e9e9e';
  doc
    .fillColor(colour)
    .rect(BAR.x, y, BAR.width * Math.min(1, Math.max(0, ratio)), BAR.height)
    .fill();
}

function row(doc: Doc, item: IndicatorItemDto): void {
  if (doc.y > 760) doc.addPage();
  const y = doc.y;
  doc.fillColor('#212121').font('bold').fontSize(9).text(`${item.id} ${item.name.zh}`, LEFT, y, { width: 280 });
  const after = doc.y;
  doc.font('regular').fontSize(8).fillColor('#616161');
  doc.text(`目标 ${targetText(item)}（${item.deadline ?? '每年'}）`, LEFT, after, { width: 280 });
  doc.text(item.missingSource ? item.missingSource.text.zh : `口径：${item.formulaText.zh}`, LEFT, doc.y, {
    width: 280,
  });
  const bottom = doc.y;
  progressBar(doc, item, y + 2);
  doc
    .fillColor('#212121')
    .font('bold')
    .fontSize(9)
    .text(formatValue(item.value, item.unit), BAR.x, y + 14, {
      width: BAR.width,
    });
  const status = item.status ? STATUS_LABELS[item.status] : '无数据';
  doc
    .fillColor(item.status ? STATUS_COLOURS[item.status] : '#9e9e9e')
    .text(status, BAR.x + BAR.width + 8, y, { width: WIDTH + LEFT - BAR.x - BAR.width - 8 });
  doc.y = Math.max(bottom, y + 28) + 6;
  doc
    .lineWidth(0.3)
    .strokeColor('#e0e0e0')
    .moveTo(LEFT, doc.y - 3)
    .lineTo(LEFT + WIDTH, doc.y - 3)
    .stroke();
}

function summary(doc: Doc, list: IndicatorList): void {
  const counts = new Map<string, number>();
  for (const item of list.items) counts.set(item.status ?? 'none', (counts.get(item.status ?? 'none') ?? 0) + 1);
  const parts = (['met', 'on_track', 'at_risk', 'missed'] as const).map(
    (status) => `${STATUS_LABELS[status]} ${counts.get(status) ?? 0} 项`,
  );
  doc.font('regular').fontSize(10).fillColor('#212121');
  doc.text(`共 ${list.total} 项指标：${parts.join('，')}，缺少数据 ${counts.get('none') ?? 0} 项。`, LEFT, doc.y, {
    width: WIDTH,
  });
  doc.moveDown(0.8);
}

export function renderIndicatorReport(list: IndicatorList, title: string): Promise<{ fileName: string; body: Buffer }> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({ size: 'A4', margin: LEFT, info: { Title: title, Creator: 'Kangyang' } });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc
    .font('bold')
    .fontSize(16)
    .fillColor('#212121')
    .text('规划指标完成情况报告', LEFT, 40, { width: WIDTH, align: 'center' });
  doc.font('regular').fontSize(10).fillColor('#616161');
  doc.text(title, { width: WIDTH, align: 'center' });
  doc.text(
    `${list.regionName}（${list.regionCode}） · ${list.year} 年 · 数据刷新 ${list.lastRefreshedAt ?? '尚未刷新'}`,
    {
      width: WIDTH,
      align: 'center',
    },
  );
  doc.moveDown(1);
  summary(doc, list);
  for (const item of list.items) row(doc, item);
  doc.end();
  return done.then((body) => ({ fileName: `${fileStem(list)}.pdf`, body }));
}
