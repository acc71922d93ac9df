import { describe, expect, it } from 'vitest';
import { ElderCreateBody, ElderUpdateBody, type ElderDto } from '@kangyang/contracts/elder';
import { makeCitizenId } from '@kangyang/domain/identity';
import { isoDate } from '@kangyang/domain/units';
import { translator } from '../../../shared/i18n/translator.ts';
import {
  identityErrors,
  initialValues,
  namePathOf,
  schemaErrors,
  toCreateBody,
  toUpdateBody,
} from './elder-form-values.ts';

const t = translator('zh-CN');
const today = isoDate('2026-06-01');

const elder: ElderDto = {
  id: '01a18d8a-1800-7332-88c1-efa8091dce44',
  name: '郭雅琴',
  idNumber: '3301********1224',
  birthDate: '1962-08-19',
  age: 63,
  sex: 'female',
  phone: '199****0000',
  hukouRegionCode: '330102001001',
  residenceRegionCode: '330102001001',
  residenceRegionName: '春景社区',
  address: '采荷路 1 号',
  location: { lng: 120.1679, lat: 30.2363 },
  livingSituation: 'coupleOnly',
  emptyNest: true,
  categories: ['minimumLiving'],
  categoryRecords: [{ category: 'minimumLiving', source: '低保证 123', from: '2020-01-01' }],
  derivedCategories: ['emptyNest'],
  contacts: [{ name: '宋凤英', relation: '女儿', role: 'emergency', phone: '199****0001' }],
  status: 'active',
  statusDate: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('elder form ↔ API body (REG-1, API-5, ENC-3)', () => {
  it('sends nothing when nothing changed: masked ID and phone stay masked and are not sent back', () => {
    expect(toUpdateBody(initialValues(elder), elder)).toEqual({});
  });

  it('sends only the changed fields, keeping the source and dates of kept categories', () => {
    const values = {
      ...initialValues(elder),
      address: '测试路 2 号',
      categories: ['minimumLiving' as const, 'dementia' as const],
    };
    expect(toUpdateBody(values, elder)).toEqual({
      address: '测试路 2 号',
      categories: [{ category: 'minimumLiving', source: '低保证 123', from: '2020-01-01' }, { category: 'dementia' }],
    });
  });

  it('a changed contact list goes whole, and a still-masked phone must be typed again', () => {
    const values = initialValues(elder);
    values.contacts = [...values.contacts, { name: '郭强', relation: '儿子', role: 'family', phone: '13800138000' }];
    const body = toUpdateBody(values, elder);
    expect(body['contacts']).toHaveLength(2);
    expect(identityErrors(body, today, 'zh-CN', t)).toEqual([
      { name: ['contacts', 0, 'phone'], message: t('elder.reenterPhone') },
    ]);
  });

  it('checks a new body with the server schema: missing residence is "required", not a format error', () => {
    const checked = schemaErrors(
      ElderCreateBody,
      toCreateBody({ name: '', livingSituation: 'unknown', categories: [], contacts: [] }),
      t,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toContainEqual({ name: ['name'], message: t('form.required') });
    expect(checked.errors).toContainEqual({ name: ['residenceRegionCode'], message: t('form.required') });
  });

  it('runs the GB 11643 rules of the domain on the ID number, with the server catalog message (ID-1)', () => {
    const valid = makeCitizenId('330102', isoDate('1950-05-06'), 12, 'male');
    const broken = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    expect(identityErrors({ idNumber: valid }, today, 'zh-CN', t)).toEqual([]);
    const [error] = identityErrors({ idNumber: broken }, today, 'en-US', t);
    expect(error?.name).toEqual(['idNumber']);
    expect(error?.message).toMatch(/check/i);
  });

  it('accepts a valid update body as ElderUpdateBody', () => {
    expect(
      schemaErrors(ElderUpdateBody, { address: '测试路 3 号', status: 'deceased', statusDate: '2026-05-01' }, t).ok,
    ).toBe(true);
  });

  it('maps server field paths onto form name paths', () => {
    expect(namePathOf('contacts[1].phone')).toEqual(['contacts', 1, 'phone']);
    expect(namePathOf('location.lng')).toEqual(['location', 'lng']);
    expect(namePathOf('idNumber')).toEqual(['idNumber']);
  });
});
