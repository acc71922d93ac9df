import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { DEMO_STREETS } from '../generator/regions-data.ts';

let context: TestContext;
beforeAll(async () => {
  context = await openTestServices();
});
afterAll(async () => context.close());

const firstRing = (geometry: { type: string; coordinates: unknown }) => (geometry.coordinates as number[][][])[0] ?? [];

describe('region boundaries for the offline map (KPI-7)', () => {
  it('answers the streets of the demo district as closed GeoJSON polygons with names and centroids', async () => {
    const district = actorWith('civilAffairsAdmin', '330102');
    const answer = await context.services.regions.boundaries(district, '330102');
    expect(answer.type).toBe('FeatureCollection');
    expect(answer.features.map((feature) => feature.properties.code)).toEqual(DEMO_STREETS.map(([code]) => code));
    expect(answer.withoutBoundary).toBe(0);
    for (const feature of answer.features) {
      expect(feature.properties.level).toBe('street');
      expect(feature.geometry.type).toBe('Polygon');
      const ring = firstRing(feature.geometry);
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      const [lng, lat] = feature.properties.centroid ?? [0, 0];
      expect(lng).toBeGreaterThan(120.16);
      expect(lng).toBeLessThan(120.3);
      expect(lat).toBeGreaterThan(30.23);
      expect(lat).toBeLessThan(30.35);
    }
  });

  it('gives a street officer the communities of the street with the street outline, and a community itself', async () => {
    const officer = actorWith('streetOfficer', '330102002');
    const street = await context.services.regions.boundaries(officer, '330102002');
    expect(street.outline?.properties.code).toBe('330102002');
    expect(street.features).toHaveLength(4);
    expect(street.features.every((feature) => feature.properties.code.startsWith('330102002'))).toBe(true);
    const community = await context.services.regions.boundaries(officer, '330102002001');
    expect(community.features.map((feature) => feature.properties.code)).toEqual(['330102002001']);
  });

  it('answers 404 outside the scope and for unknown codes, and audits the denial (AZ-3)', async () => {
    const officer = actorWith('streetOfficer', '330102002');
    await expect(context.services.regions.boundaries(officer, '330102')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(context.services.regions.boundaries(officer, '330102003')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(context.services.regions.boundaries(officer, '330102002999')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const audit = await context.services.audit.search({ actorId: officer.userId }, 10, 0);
    expect(audit.items.filter((row) => row.action === 'region.boundaries' && row.outcome === 'denied')).toHaveLength(3);
  });
});
