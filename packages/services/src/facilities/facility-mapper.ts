import type { DesignationDto, FacilityAttributesDto, FacilityRowDto } from '@kangyang/contracts/facilities';
import type { SiteKind } from '@kangyang/contracts/meals';
import { designationInForce } from '@kangyang/domain/facilities';
import type { AttributeRow, DesignationRow, FacilitySite } from './facility.repo.ts';

const iso = (value: Date | string): string => new Date(value).toISOString();

export function attributesDto(row: AttributeRow): FacilityAttributesDto {
  return {
    version: row.version,
    bedsTotal: row.bedsTotal,
    nursingBeds: row.nursingBeds,
    occupiedBeds: row.occupiedBeds,
    bedsSource: row.bedsSource,
    ownership: row.ownership,
    mealDeliveryVehicles: row.mealDeliveryVehicles,
    document: row.document,
    note: row.note,
    changedBy: row.changedByName,
    changedAt: iso(row.changedAt),
  };
}

export function designationDto(row: DesignationRow): DesignationDto {
  return {
    id: row.id,
    siteId: row.siteId,
    regionCode: row.regionCode,
    designation: row.designation,
    designatedOn: row.designatedOn,
    authority: row.authority,
    document: row.document,
    note: row.note,
    grantedBy: row.grantedByName,
    grantedAt: iso(row.grantedAt),
    revocation:
      row.revokedOn === null
        ? null
        : {
            revokedOn: row.revokedOn,
            reason: row.reason ?? '',
            document: row.revocationDocument,
            revokedBy: row.revokedByName ?? '',
            revokedAt: iso(row.revokedAt ?? row.grantedAt),
          },
  };
}

/** A site with its current attributes and the designations in force today. */
export function facilityRow(
  site: FacilitySite,
  attributes: AttributeRow | undefined,
  designations: readonly DesignationRow[],
  today: string,
): FacilityRowDto {
  return {
    id: site.id,
    name: site.name,
    kind: site.kind as SiteKind,
    regionCode: site.regionCode,
    address: site.address,
    status: site.status === 'closed' ? 'closed' : 'open',
    attributes: attributes ? attributesDto(attributes) : null,
    designations: designations
      .filter((row) => row.siteId === site.id && designationInForce(row, today))
      .map((row) => row.designation),
  };
}
