import { makeCitizenId } from '@kangyang/domain/identity';
import type { IsoDate } from '@kangyang/domain/units';
import type { ElderCreateBody } from '@kangyang/contracts/elder';

let sequence = 0;

/** A valid new elder in a demo community; every call gets a fresh synthetic ID number. */
export function buildElder(
  overrides: Partial<ElderCreateBody> & { birthDate?: string; sex?: 'male' | 'female' } = {},
): ElderCreateBody {
  sequence += 1;
  const { birthDate = '1944-03-15', sex = 'female', ...rest } = overrides;
  return {
    name: '测试老人',
    idNumber: makeCitizenId('330102', birthDate as IsoDate, sequence % 500, sex),
    phone: null,
    residenceRegionCode: '330102002001',
    livingSituation: 'alone',
    categories: [],
    contacts: [],
    ...rest,
  };
}
