import type { ElderCreateBody } from '@kangyang/contracts/elder';
import {
  CATEGORY_NAMES_ZH,
  ELDER_IMPORT_COLUMNS,
  LIVING_SITUATION_NAMES_ZH,
  type ElderImportKey,
} from '@kangyang/contracts/import';

/** RFC 4180 quoting: fields holding a comma, quote or line break are quoted, quotes doubled. */
export const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const csvLine = (cells: readonly string[]): string => `${cells.map(csvField).join(',')}\n`;

/** The template's header line (Chinese headers, in column order). */
export const ELDER_CSV_HEADER = csvLine(ELDER_IMPORT_COLUMNS.map((column) => column.header));

/** An elder as template cells, keyed by column (Chinese names for living situation and categories). */
export function elderTemplateCells(body: ElderCreateBody): Record<ElderImportKey, string> {
  const contact = body.contacts[0];
  return {
    name: body.name,
    idNumber: body.idNumber,
    phone: body.phone ?? '',
    hukouRegionCode: body.hukouRegionCode ?? '',
    residenceRegionCode: body.residenceRegionCode,
    address: body.address ?? '',
    lng: body.location ? body.location.lng.toFixed(6) : '',
    lat: body.location ? body.location.lat.toFixed(6) : '',
    livingSituation: LIVING_SITUATION_NAMES_ZH[body.livingSituation],
    categories: body.categories.map((record) => CATEGORY_NAMES_ZH[record.category]).join(';'),
    contactName: contact?.name ?? '',
    contactRelation: contact?.relation ?? '',
    contactPhone: contact?.phone ?? '',
  };
}

/** One CSV line of the template for an elder (the generator's files, tests and benchmarks). */
export function elderCsvLine(body: ElderCreateBody): string {
  const cells = elderTemplateCells(body);
  return csvLine(ELDER_IMPORT_COLUMNS.map((column) => cells[column.key]));
}
