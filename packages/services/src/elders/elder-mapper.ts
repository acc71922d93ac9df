import type { ElderDto, ElderListItem } from '@kangyang/contracts/elder';
import { ageOn, type IsoDate } from '@kangyang/domain/units';
import { deriveCategories, isEmptyNest, type LivingSituation } from '@kangyang/domain/elder';
import type { ElderRow } from './elder.repo.ts';

/** A contact as stored: the phone encrypted (ENC-1) beside its mask. */
export type StoredContact = {
  name: string;
  relation: string;
  role: 'guardian' | 'emergency' | 'family';
  phoneCipher: string;
  phoneMasked: string;
};
export type StoredCategoryRecord = {
  category: ElderDto['categories'][number];
  source?: string;
  from?: string;
  to?: string;
};

/**
 * Security labels of the elder columns (DC-1): S3 sensitive, S2 personal. Serializers below only
 * ever emit masked forms of the encrypted columns.
 */
export const ELDER_COLUMN_CLASSES = {
  idNumberCipher: 'S3',
  idNumberBlindIndex: 'S3',
  idNumberMasked: 'S3',
  categories: 'S3',
  categoryRecords: 'S3',
  lng: 'S3',
  lat: 'S3',
  name: 'S2',
  birthDate: 'S2',
  sex: 'S2',
  phoneCipher: 'S2',
  phoneBlindIndex: 'S2',
  phoneMasked: 'S2',
  address: 'S2',
  contacts: 'S2',
  hukouRegionCode: 'S2',
  residenceRegionCode: 'S2',
  livingSituation: 'S2',
  status: 'S2',
  statusDate: 'S2',
  countyCode: 'S1',
  id: 'S1',
  importJobId: 'S1',
  createdBy: 'S1',
  createdAt: 'S1',
  updatedAt: 'S1',
  version: 'S1',
} as const satisfies Record<keyof ElderRow, 'S0' | 'S1' | 'S2' | 'S3'>;

export function toListItem(row: ElderRow, today: IsoDate): ElderListItem {
  return {
    id: row.id,
    name: row.name,
    idNumber: row.idNumberMasked,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate as IsoDate, today),
    sex: row.sex as ElderListItem['sex'],
    phone: row.phoneMasked,
    residenceRegionCode: row.residenceRegionCode,
    livingSituation: row.livingSituation as ElderListItem['livingSituation'],
    categories: row.categories as ElderListItem['categories'],
    status: row.status as ElderListItem['status'],
  };
}

export function toDto(row: ElderRow, today: IsoDate, residenceRegionName: string | null): ElderDto {
  const contacts = row.contacts as StoredContact[];
  const livingSituation = row.livingSituation as LivingSituation;
  return {
    ...toListItem(row, today),
    hukouRegionCode: row.hukouRegionCode,
    residenceRegionName,
    address: row.address,
    location: row.lng === null || row.lat === null ? null : { lng: row.lng, lat: row.lat },
    emptyNest: isEmptyNest(livingSituation),
    categoryRecords: row.categoryRecords as StoredCategoryRecord[],
    derivedCategories: deriveCategories(
      { birthDate: row.birthDate as IsoDate, categories: row.categories, livingSituation },
      today,
    ),
    contacts: contacts.map((contact) => ({
      name: contact.name,
      relation: contact.relation,
      role: contact.role,
      phone: contact.phoneMasked,
    })),
    statusDate: row.statusDate,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
