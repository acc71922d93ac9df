import type { ItemDefinition, ItemOption, Label } from './types.ts';

export const label = (zh: string, en: string): Label => ({ zh, en });

export const option = (points: number, zh: string, en: string): ItemOption => ({ points, label: { zh, en } });

export const item = (
  code: string,
  name: Label,
  options: readonly ItemOption[],
  higherIsBetter = true,
): ItemDefinition => ({ code, name, options, higherIsBetter });

/** GB/T 42195-2022 ASSIST5: the common 0–4 scale (§4). */
export const ASSIST5: readonly ItemOption[] = [
  option(4, '独立完成', 'independent'),
  option(3, '需指导或提示', 'needs prompting or supervision only'),
  option(2, '需协助，以自身完成为主', 'some hands-on help, mostly self'),
  option(1, '主要依靠他人，能配合', 'mostly done by others, cooperates'),
  option(0, '完全依赖，不能配合', 'fully dependent, cannot cooperate'),
];

/** Time orientation, 0–4, higher is better (GB/T 42195 mental, LTC 2021 cognition). */
export const TIME_ORIENTATION: readonly ItemOption[] = [
  option(4, '时间观念（年、月）清楚，日期（或星期几）可相差一天', 'knows year and month, day within 1'),
  option(
    3,
    '时间观念有些下降，年、月、日（或星期几）不能全部分清（相差两天或以上）',
    'mixes up the date by 2 or more days',
  ),
  option(2, '时间观念较差，年、月、日不清楚，可知上半年或下半年或季节', 'knows only half-year or season'),
  option(1, '时间观念很差，年、月、日不清楚，可知上午、下午或白天、夜间', 'knows only morning/afternoon or day/night'),
  option(0, '无时间观念', 'none'),
];

/** Place orientation, 0–4, higher is better. */
export const PLACE_ORIENTATION: readonly ItemOption[] = [
  option(4, '能在日常生活范围内单独外出，如在居住小区内独自外出购物等', 'goes out alone in the neighbourhood'),
  option(
    3,
    '不能单独外出，但能准确知道自己日常生活所在地的地址信息',
    'cannot go out alone but knows the address exactly',
  ),
  option(2, '不能单独外出，但知道较多有关自己日常生活的地址信息', 'knows much about the address'),
  option(1, '不能单独外出，但知道较少自己居住或生活所在地的地址信息', 'knows little'),
  option(0, '不能单独外出，无空间观念', 'no sense of place'),
];

/** Person orientation, 0–4, higher is better. */
export const PERSON_ORIENTATION: readonly ItemOption[] = [
  option(4, '认识长期共同生活的人，能称呼并知道关系', 'knows housemates, names and relations'),
  option(3, '能认识大部分共同生活的人，能称呼或知道关系', 'most of them'),
  option(2, '能认识部分日常同住的亲人或照护者等，能称呼或知道关系', 'some of them'),
  option(1, '只认识自己或极少数日常同住的亲人或照护者等', 'only self or very few'),
  option(0, '不认识任何人（包括自己）', 'nobody, not even self'),
];
