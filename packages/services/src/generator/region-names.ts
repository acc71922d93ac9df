import type { Rng } from './rng.ts';

/** Syllables of made-up place names (never a list of real communities). */
const NAME_PARTS = [...'柳翠新东南西北清和平安康华景明春秋云溪湖桥园苑荷梅竹兰望潮星月福寿丰泰宁'];
const URBAN_ENDS = ['社区', '社区', '社区', '新村社区', '花园社区', '苑社区'];
const RURAL_ENDS = ['村', '村', '村', '村', '庄村', '社区'];

function stemOf(rng: Rng): string {
  const first = rng.pick(NAME_PARTS);
  const second = rng.pick(NAME_PARTS);
  return second === first ? `${first}${rng.pick(NAME_PARTS)}` : `${first}${second}`;
}

/**
 * A new community (urban) or village (rural) name, unique within `used`; after a few collisions it
 * takes a numbered suffix so large scales never loop long.
 */
export function placeName(rng: Rng, used: Set<string>, rural: boolean): string {
  const ends = rural ? RURAL_ENDS : URBAN_ENDS;
  for (let attempt = 0; ; attempt += 1) {
    const stem = stemOf(rng);
    const name = attempt < 8 ? `${stem}${rng.pick(ends)}` : `${stem}${attempt - 7}${rural ? '村' : '社区'}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** A street (urban district) or town (rural county) name, unique within `used`. */
export function streetName(rng: Rng, used: Set<string>, rural: boolean): string {
  for (let attempt = 0; ; attempt += 1) {
    const stem = stemOf(rng);
    const name = `${stem}${attempt < 8 ? '' : attempt - 7}${rural ? (rng.chance(0.8) ? '镇' : '乡') : '街道'}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
