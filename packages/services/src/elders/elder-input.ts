import type { ElderCreateBody } from '@kangyang/contracts/elder';
import { err, ok, type Result } from '@kangyang/domain/result';
import {
  validateContacts,
  validateIdentity,
  validatePhoneField,
  type ContactIn,
  type FieldError,
} from '@kangyang/domain/elder';
import { maskIdNumber, maskPhone } from '@kangyang/domain/identity';
import type { IsoDate } from '@kangyang/domain/units';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { ElderInsert } from './elder.repo.ts';
import type { StoredContact } from './elder-mapper.ts';

export const ELDER_TABLE = 'elders';

export function encryptContacts(cipher: FieldCipher, elderId: string, contacts: readonly ContactIn[]): StoredContact[] {
  return contacts.map((contact, index) => ({
    name: contact.name,
    relation: contact.relation,
    role: contact.role as StoredContact['role'],
    phoneCipher: cipher.encrypt(contact.phone, {
      table: ELDER_TABLE,
      column: `contacts.phone`,
      recordId: `${elderId}#${index}`,
    }),
    phoneMasked: maskPhone(contact.phone),
  }));
}

export function encryptedPhone(cipher: FieldCipher, elderId: string, phone: string | null) {
  if (phone === null) return { phoneCipher: null, phoneBlindIndex: null, phoneMasked: null };
  return {
    phoneCipher: cipher.encrypt(phone, { table: ELDER_TABLE, column: 'phone', recordId: elderId }),
    phoneBlindIndex: cipher.blindIndex('phone', phone),
    phoneMasked: maskPhone(phone),
  };
}

export function encryptedIdNumber(cipher: FieldCipher, elderId: string, idNumber: string) {
  return {
    idNumberCipher: cipher.encrypt(idNumber, { table: ELDER_TABLE, column: 'id_number', recordId: elderId }),
    idNumberBlindIndex: cipher.blindIndex('idNumber', idNumber),
    idNumberMasked: maskIdNumber(idNumber),
  };
}

/**
 * Validates a new elder (ID-1, ID-3, ID-4, DC-2) and builds the encrypted row. Region existence and
 * scope are the caller's checks (they need the database and the actor).
 */
export function prepareNewElder(
  body: ElderCreateBody,
  context: {
    id: string;
    today: IsoDate;
    now: Date;
    cipher: FieldCipher;
    createdBy: string | null;
    importJobId?: string;
  },
): Result<ElderInsert, FieldError> {
  const identity = validateIdentity({ name: body.name, idNumber: body.idNumber }, context.today);
  if (!identity.ok) return identity;
  const { id: facts, name } = identity.value;
  if (!facts || !name) return err({ code: 'VALIDATION_FAILED', field: 'idNumber' });
  const phone = validatePhoneField(body.phone, 'phone');
  if (!phone.ok) return phone;
  const contacts = validateContacts(body.contacts);
  if (!contacts.ok) return contacts;
  return ok({
    countyCode: body.residenceRegionCode.slice(0, 6),
    id: context.id,
    name,
    ...encryptedIdNumber(context.cipher, context.id, facts.idNumber),
    birthDate: facts.birthDate,
    sex: facts.sex,
    ...encryptedPhone(context.cipher, context.id, phone.value ?? null),
    hukouRegionCode: body.hukouRegionCode ?? null,
    residenceRegionCode: body.residenceRegionCode,
    address: body.address ?? null,
    lng: body.location?.lng ?? null,
    lat: body.location?.lat ?? null,
    livingSituation: body.livingSituation,
    categories: [...new Set(body.categories.map((record) => record.category))],
    categoryRecords: body.categories,
    contacts: encryptContacts(context.cipher, context.id, contacts.value),
    status: 'active',
    statusDate: null,
    importJobId: context.importJobId ?? null,
    createdBy: context.createdBy,
    createdAt: context.now,
    updatedAt: context.now,
    version: 1,
  });
}
