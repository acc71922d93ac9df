import PDFDocument from 'pdfkit';
import type { RegionOverview } from '@kangyang/contracts/indicators';
import { loadFonts } from '../assessments/assessment-report.ts';
import { createSheetWriter } from '../exports/spreadsheet.ts';

/** KPI-9: the region overview (KPI-6) as .xlsx and as a PDF report with a chart and Chinese text. */

const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  extremePoverty: '特困',
  minimumLiving: '低保',
  nearMinimumLiving: '低边',
  leftBehind: '留守',
  dementia: '失智',
  severeDisability: '重残',
  familyPlanningSpecial: '计划生育特殊家庭',
  entitledGroup: '优抚对象',
  heroicAct: '见义勇为',
};
const LEVEL_NAMES = ['intact', 'mild', 'moderate', 'severe', 'complete'];
const LEVEL_LABELS = ['能力完好', '轻度失能', '中度失能', '重度失能', '完全失能'];

export const categoryLabel = (key: string): string => CATEGORY_LABELS[key] ?? key;
export function levelLabel(key: string): string {
  const index = /^\d$/.test(key) ? Number(key) : LEVEL_NAMES.indexOf(key);
  return LEVEL_LABELS[index] ?? key;
}
const yuan = (fen: number | null): string =>
  fen === null ? '—' : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
const count = (value: number | null): string => (value === null ? '—' : String(value));
const bp = (value: number | null): string => (value === null ? '—' : `${(value / 100).toFixed(2)}%`);

type Line = readonly [section: string, item: string, value: string | number];
type Section = { title: string; lines: readonly Line[] };

/** The overview's sections as label/value lines, shared by the workbook and the PDF. */
export function overviewSections(o: RegionOverview): Section[] {
  const line = (section: string, item: string, value: string | number): Line => [section, item, value];
  const missing = (text: { zh: string } | undefined) => (text ? [line('', '缺少数据', text.zh)] : []);
  return [
    {
      title: '老年人 Elders',
      lines: [
        line('老年人', '60 岁及以上老年人', o.elders.total),
        ...o.elders.byAgeBand.map((row) => line('年龄段', `${row.key} 岁`, row.count)),
        ...o.elders.byCategory.map((row) => line('人员类别', categoryLabel(row.key), row.count)),
      ],
    },
    {
      title: '能力等级 Capability levels',
      lines: [
        ...o.capabilityLevels.map((row) => line('能力等级', levelLabel(row.key), row.count)),
        line('能力等级', '本月完成评估', o.assessmentsThisMonth),
      ],
    },
    {
      title: '本月服务 Services this month',
      lines: [
        line('服务', '上门服务次数', count(o.services.visitsThisMonth)),
        line('服务', '服务时长（分钟）', count(o.services.minutesThisMonth)),
        ...missing(o.services.missingSource?.text),
      ],
    },
    {
      title: '床位 Beds',
      lines: [
        line('床位', '机构床位', count(o.beds.total)),
        line('床位', '已入住', count(o.beds.occupied)),
        line('床位', '入住率', bp(o.beds.occupancyBasisPoints)),
        line('床位', '家庭养老床位', count(o.beds.homeCareBeds)),
        ...missing(o.beds.missingSource?.text),
      ],
    },
    {
      title: '补贴发放 Subsidies paid',
      lines: [
        line('补贴', '有效待遇', o.subsidies.activeEntitlements),
        line('补贴', '本月发放', yuan(o.subsidies.paidThisMonthFen)),
        line('补贴', '本年累计发放', yuan(o.subsidies.paidYearToDateFen)),
        ...missing(o.subsidies.missingSource?.text),
      ],
    },
    { title: '预警 Alerts', lines: o.alerts.map((alert) => line('预警', alert.text.zh, alert.count)) },
  ];
}

const fileStem = (o: RegionOverview) => `区域概览-${o.regionName}-${o.period}`;
/** Beijing time as people write it: 2026-03-05 10:00. */
export const beijingTime = (at: Date): string =>
  at.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
const refreshed = (o: RegionOverview) =>
  o.lastRefreshedAt === null ? '尚未刷新' : beijingTime(new Date(o.lastRefreshedAt));

export function overviewWorkbook(o: RegionOverview, generatedAt: string) {
  const { stream, writer } = createSheetWriter();
  writer.addSheet('概览 Overview', [
    { header: '板块 Section', width: 16 },
    { header: '项目 Item', width: 30 },
    { header: '数值 Value', width: 18 },
  ]);
  writer.add(['区域', '名称', `${o.regionName} (${o.regionCode})`]);
  writer.add(['区域', '统计期', o.period]);
  writer.add(['区域', '生成时间', generatedAt]);
  writer.add(['区域', '数据刷新时间', refreshed(o)]);
  for (const section of overviewSections(o)) for (const row of section.lines) writer.add([...row]);
  writer.addSheet('下级区域 Children', [
    { header: '区划代码 Code', width: 16, text: true },
    { header: '名称 Name', width: 24 },
    { header: '老年人 Elders', width: 14 },
  ]);
  for (const child of o.children) writer.add([child.regionCode, child.regionName, child.elders]);
  void writer.finish();
  return { fileName: `${fileStem(o)}.xlsx`, stream };
}

type Doc = InstanceType<typeof PDFDocument>;
const LEFT = 40;
const WIDTH = 515;

/** A horizontal bar chart (label, bar, count) — the report's charts. */
function barChart(doc: Doc, title: string, rows: readonly { label: string; value: number }[]): void {
  const max = Math.max(1, ...rows.map((row) => row.value));
  if (doc.y > 700) doc.addPage();
  doc.font('bold').fontSize(11).fillColor('#212121').text(title, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
  for (const row of rows) {
    const y = doc.y;
    doc.font('regular').fontSize(9).fillColor('#424242').text(row.label, LEFT, y, { width: 110 });
    const width = Math.round((300 * row.value) / max);
    doc
      .rect(LEFT + 120, y + 1, 300, 9)
      .fillColor('#eeeeee')
      .fill();
    if (width > 0)
      doc
        .rect(LEFT + 120, y + 1, width, 9)
        .fillColor('#1565c0')
        .fill();
    doc.fillColor('#212121').text(String(row.value), LEFT + 430, y, { width: 80 });
    doc.y = y + 14;
  }
  doc.moveDown(0.6);
}

function table(doc: Doc, section: Section): void {
  if (doc.y > 720) doc.addPage();
  doc.font('bold').fontSize(11).fillColor('#212121').text(section.title, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.2);
  for (const [, item, value] of section.lines) {
    if (doc.y > 790) doc.addPage();
    const y = doc.y;
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('#424242')
      .text(item, LEFT + 10, y, { width: 300 });
    doc.fillColor('#212121').text(String(value), LEFT + 320, y, { width: 190 });
    doc.y = Math.max(doc.y, y + 13);
  }
  doc.moveDown(0.6);
}

export function renderOverviewReport(
  o: RegionOverview,
  generatedAt: string,
): Promise<{ fileName: string; body: Buffer }> {
  const { regular, bold } = loadFonts();
  const title = `${o.regionName}养老服务概览`;
  const doc = new PDFDocument({ size: 'A4', margin: LEFT, info: { Title: title, Creator: 'Kangyang' } });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('bold').fontSize(16).fillColor('#212121').text(title, LEFT, 40, { width: WIDTH, align: 'center' });
  doc.font('regular').fontSize(10).fillColor('#616161');
  doc.text(`${o.regionName}（${o.regionCode}） · 统计期 ${o.period}`, { width: WIDTH, align: 'center' });
  doc.text(`生成时间 ${generatedAt} · 数据刷新 ${refreshed(o)}`, { width: WIDTH, align: 'center' });
  doc.moveDown(1);
  barChart(
    doc,
    '老年人年龄结构（人）',
    o.elders.byAgeBand.map((row) => ({ label: `${row.key} 岁`, value: row.count })),
  );
  barChart(
    doc,
    '能力等级分布（人）',
    o.capabilityLevels.map((row) => ({ label: levelLabel(row.key), value: row.count })),
  );
  for (const section of overviewSections(o)) table(doc, section);
  doc.end();
  return done.then((body) => ({ fileName: `${fileStem(o)}.pdf`, body }));
}
