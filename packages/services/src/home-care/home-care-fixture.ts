import type { Actor } from '../actor.ts';
import type { Services } from '../services.ts';
import { DAY_SHIFTS, seedCareWorker, seedCatalogue, seedProvider, type SeededItem } from './home-care-seed.ts';

/** Test support: one county's catalogue, a provider serving a street, and care workers east of an elder. */
export const ELDER_HOME = { lng: 120.17, lat: 30.25 };
export const COMMUNITY = '330102002001';
const METRES_PER_DEGREE_LNG = 111_320 * Math.cos((ELDER_HOME.lat * Math.PI) / 180);
export const eastOfHome = (metres: number) => ({
  lng: ELDER_HOME.lng + metres / METRES_PER_DEGREE_LNG,
  lat: ELDER_HOME.lat,
});

export type HomeCareFixture = {
  items: Map<string, SeededItem>;
  providerId: string;
  near: string;
  far: string;
  elderId: string;
};

export async function seedHomeCareFixture(
  services: Services,
  actors: { official: Actor; nearCaregiver: Actor; farCaregiver: Actor },
  elderBody: Parameters<Services['elders']['create']>[1],
): Promise<HomeCareFixture> {
  const { db } = services.database;
  const now = services.clock.now();
  const items = new Map((await seedCatalogue(db, '330102')).map((item) => [item.code, item]));
  const providerId = await seedProvider(db, {
    name: '湖滨居家服务中心',
    regionCode: '330102002',
    serviceAreas: ['330102002'],
    now,
  });
  const worker = (name: string, metres: number, userId: string) =>
    seedCareWorker(db, {
      providerId,
      regionCode: '330102002',
      name,
      home: eastOfHome(metres),
      skills: ['personalCare', 'bathing', 'housekeeping'],
      certificates: ['caregiverCertificate'],
      skillLevel: 'intermediate',
      shifts: DAY_SHIFTS,
      userId,
      now,
    });
  const near = await worker('张阿姨', 300, actors.nearCaregiver.userId);
  const far = await worker('刘师傅', 1500, actors.farCaregiver.userId);
  const elder = await services.elders.create(actors.official, elderBody);
  return { items, providerId, near, far, elderId: elder.id };
}
