import type { Rng } from './rng.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '邓', '冯', '韩', '曹', '曾', '彭', '萧', '蔡', '潘', '田', '董', '袁', '于', '余', '叶', '蒋', '杜', '苏', '魏', '程', '吕', '丁', '沈', '任', '姚', '卢', '傅', '钟', '姜', '崔', '谭', '廖', '范', '汪', '陆', '金', '石', '戴', '贾', '韦', '夏', '邱', '方', '侯', '邹', '熊', '孟', '秦', '白', '江', '阎', '薛', '尹', '段', '雷', '黎', '史', '龙', '陶', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '赖', '覃', '洪', '武', '莫', '孔'];
const MALE_GIVEN = ['建国', '国强', '德明', '志刚', '文华', '永福', '金生', '春生', '国华', '立新', '庆华', '根宝', '水生', '长林', '宝山', '炳坤', '荣发', '耀宗', '家栋', '正清', '宏伟', '振华', '德胜', '伯年', '树人', '明', '勇', '军', '华', '平'];
const FEMALE_GIVEN = ['秀英', '桂英', '玉兰', '秀兰', '凤英', '淑珍', '素珍', '美华', '月娥', '彩凤', '阿珍', '小妹', '菊花', '翠花', '桂芳', '丽华', '惠芬', '瑞英', '雅琴', '金凤', '巧云', '梅', '芳', '兰', '珍', '娟', '霞', '英', '琴', '萍'];
const ROADS = ['解放路', '庆春路', '延安路', '中山南路', '清泰街', '望江路', '秋涛路', '凯旋路', '采荷路', '艮山西路', '钱江路', '九堡大街', '丁桥路', '笕桥路', '建国南路', '江城路', '复兴路', '秋涛北路', '新塘路', '景芳路'];

export function personName(rng: Rng, sex: 'male' | 'female'): string {
  return `${rng.pick(SURNAMES)}${rng.pick(sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN)}`;
}

export function streetAddress(rng: Rng, communityName: string): string {
  return `${communityName}${rng.pick(ROADS)}${rng.int(1, 480)}号${rng.int(1, 30)}幢${rng.int(1, 6)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`;
}

/** A mobile number in the 1990… block, used only for fiction here: valid in form, never a real person's. */
export function syntheticPhone(serial: number): string {
  return `1990${String(serial % 10_000_000).padStart(7, '0')}`;
}
