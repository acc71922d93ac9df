import type { SiteDto } from '@kangyang/contracts/meals';
import type { SiteRow } from './site.repo.ts';

export const toSiteDto = (row: SiteRow): SiteDto => ({
  id: row.id,
  name: row.name,
  kind: row.kind as SiteDto['kind'],
  regionCode: row.regionCode,
  address: row.address,
  lng: row.lng,
  lat: row.lat,
  serviceRadiusM: row.serviceRadiusM,
  openingHours: row.openingHours,
  mealCapacity: row.mealCapacity,
  offersMeals: row.offersMeals,
  offersDelivery: row.offersDelivery,
  providerId: row.providerId,
  status: row.status as SiteDto['status'],
  openedOn: row.openedOn,
});
