import type { AttendanceDto, CertificateDto, StaffRole, WorkerDto, WorkerListItem } from '@kangyang/contracts/workers';
import type { SkillLevel } from '@kangyang/domain/eligibility';
import { certifiedSkillLevel } from '@kangyang/domain/ledger';
import type { IsoDate } from '@kangyang/domain/units';
import type { AttendanceRow, CertificateRow, WorkerRow } from './worker.repo.ts';

const asCertificate = (row: CertificateRow) => ({
  skillLevel: row.skillLevel as SkillLevel,
  issuedOn: row.issuedOn as IsoDate,
  expiresOn: row.expiresOn as IsoDate | null,
});

export const toCertificateDto = (row: CertificateRow, today: IsoDate): CertificateDto => ({
  id: row.id,
  skillLevel: row.skillLevel as SkillLevel,
  certificateNumber: row.certificateNumber,
  issuedOn: row.issuedOn,
  expiresOn: row.expiresOn,
  valid: certifiedSkillLevel([asCertificate(row)], today) !== null,
});

export const toAttendanceDto = (row: AttendanceRow): AttendanceDto => ({
  workerId: row.workerId,
  period: row.period,
  daysWorked: row.daysWorked,
  continuingEducation: row.continuingEducation,
  version: row.version,
});

/** The registry's list shape: phone masked, `certified` and level derived from certificates valid today. */
export function toWorkerListItem(
  row: WorkerRow,
  certificates: readonly CertificateRow[],
  organisationName: string | null,
  today: IsoDate,
): WorkerListItem {
  const skillLevel = certifiedSkillLevel(certificates.map(asCertificate), today);
  return {
    id: row.id,
    name: row.name,
    phone: row.phoneMasked,
    organisationId: row.organisationId,
    organisationName,
    regionCode: row.regionCode,
    staffRole: row.staffRole as StaffRole,
    certified: skillLevel !== null,
    skillLevel,
    employedFrom: row.employedFrom,
    employedTo: row.employedTo,
  };
}

export function toWorkerDto(
  row: WorkerRow,
  extras: { certificates: CertificateRow[]; attendance: AttendanceRow[]; organisationName: string | null },
  today: IsoDate,
): WorkerDto {
  return {
    ...toWorkerListItem(row, extras.certificates, extras.organisationName, today),
    certificates: extras.certificates.map((certificate) => toCertificateDto(certificate, today)),
    attendance: extras.attendance.map(toAttendanceDto),
    version: row.version,
  };
}
