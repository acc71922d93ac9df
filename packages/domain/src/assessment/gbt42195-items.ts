import {
  ASSIST5,
  PERSON_ORIENTATION,
  PLACE_ORIENTATION,
  TIME_ORIENTATION,
  item,
  label,
  option,
} from './option-sets.ts';
import type { DomainDefinition } from './types.ts';

/** GB/T 42195-2022 §4.1 自理能力: 8 items, max 32. */
const SELF_CARE: DomainDefinition = {
  code: 'selfCare',
  name: label('自理能力', 'self-care'),
  items: [
    item('selfCare.eating', label('进食', 'eating'), [
      option(4, '独立使用器具将食物送进口中并咽下，没有呛咳', 'independent, no choking'),
      option(3, '在他人指导或提示下完成，或独立使用辅具，没有呛咳', 'prompting or own aids, no choking'),
      option(
        2,
        '进食中需要少量接触式协助，或偶尔（每月一次及以上）呛咳',
        'a little hands-on help, or choking about monthly',
      ),
      option(1, '进食中需要大量接触式协助，或经常（每周一次及以上）呛咳', 'much help, or choking weekly'),
      option(
        0,
        '完全依赖他人协助进食，或吞咽困难，或留置营养管',
        'fed entirely, or swallowing failure, or feeding tube',
      ),
    ]),
    item('selfCare.grooming', label('修饰', 'grooming (face, teeth, hair, shaving, nails)'), ASSIST5),
    item('selfCare.bathing', label('洗澡', 'bathing'), ASSIST5),
    item('selfCare.dressingUpper', label('穿/脱上衣', 'upper-body dressing'), ASSIST5),
    item('selfCare.dressingLower', label('穿/脱裤子和鞋袜', 'trousers, shoes, socks'), ASSIST5),
    item('selfCare.bladder', label('小便控制', 'bladder control'), [
      option(4, '可自行控制排尿，排尿次数、排尿控制均正常', 'normal'),
      option(
        3,
        '白天可自行控制排尿，夜间排尿控制较差，或自行使用尿布、尿垫等辅助用物',
        'poor night control, or manages own pads',
      ),
      option(
        2,
        '白天偶尔出现尿失禁（每天<1次，但每周>1次），或需他人少量协助使用尿布、尿垫等辅助用物',
        'occasional daytime leaks (more than weekly, less than daily), or a little help with pads',
      ),
      option(
        1,
        '白天每天出现尿失禁（每天≥1次，但尚非完全失控），或需他人大量协助使用尿布、尿垫等辅助用物',
        'daytime leaks daily but not total, or much help',
      ),
      option(0, '小便失禁，完全不能控制排尿，或留置导尿管', 'total incontinence or indwelling catheter'),
    ]),
    item('selfCare.bowel', label('大便控制', 'bowel control'), [
      option(4, '可正常自行控制大便排出', 'normal'),
      option(
        3,
        '有时出现（每周<1次）便秘或大便失禁，或自行使用开塞露、尿垫等辅助用物',
        'occasional (less than weekly) constipation or leaks, or self-uses aids',
      ),
      option(
        2,
        '经常出现（每天<1次，但每周>1次）便秘或大便失禁，或需他人少量协助使用辅助用物',
        'frequent (more than weekly, less than daily), or a little help',
      ),
      option(
        1,
        '大部分时间出现（每天≥1次）便秘或大便失禁，但尚非完全失控，或需他人大量协助',
        'daily but not total, or much help',
      ),
      option(
        0,
        '严重便秘或者完全大便失禁，需要依赖他人协助排便或清洁',
        'severe constipation or total incontinence, fully dependent',
      ),
    ]),
    item('selfCare.toileting', label('如厕', 'toileting, including clothes and cleaning'), ASSIST5),
  ],
};

/** §4.2 基础运动能力: 4 items, max 15. */
const MOBILITY: DomainDefinition = {
  code: 'mobility',
  name: label('基础运动能力', 'basic mobility'),
  items: [
    item('mobility.bedMobility', label('床上体位转移', 'turning in bed, sitting up, lying down'), ASSIST5),
    item('mobility.bedChairTransfer', label('床椅转移', 'sit-to-stand and back, bed↔chair'), ASSIST5),
    item('mobility.walking', label('平地行走', 'level walking, aids included'), [
      option(4, '可独立平地步行50 m左右，且无摔倒风险', 'about 50 m alone, no fall risk'),
      option(
        3,
        '能平地步行50 m左右，存在摔倒风险，需要他人监护或指导，或使用拐杖、助行器等辅助工具',
        'about 50 m but with fall risk, needs supervision or a cane or walker',
      ),
      option(2, '步行时需要他人少量扶持协助', 'a little physical support'),
      option(1, '步行时需要他人大量扶持协助', 'much physical support'),
      option(0, '完全不能步行', 'cannot walk'),
    ]),
    item('mobility.stairs', label('上下楼梯', 'stairs (10–15 steps)'), [
      option(3, '可独立上下楼梯（连续上下10～15个台阶），不需要协助', 'independent'),
      option(2, '在他人指导或提示下完成', 'prompting'),
      option(1, '需要他人协助，但以自身完成为主', 'help, mostly self'),
      option(0, '主要依靠他人协助，或完全依赖他人', 'mostly or fully dependent'),
    ]),
  ],
};

/** §4.3 精神状态: 9 items, max 28. */
const MENTAL: DomainDefinition = {
  code: 'mental',
  name: label('精神状态', 'mental status'),
  items: [
    item('mental.timeOrientation', label('时间定向', 'time orientation'), TIME_ORIENTATION),
    item('mental.placeOrientation', label('空间定向', 'place orientation'), PLACE_ORIENTATION),
    item('mental.personOrientation', label('人物定向', 'person orientation'), PERSON_ORIENTATION),
    item('mental.memory', label('记忆', 'memory'), [
      option(4, '总是能保持与社会、年龄相适应的记忆能力，能完整回忆', 'normal'),
      option(
        3,
        '轻度记忆紊乱或回忆不能（不能回忆即时信息，3个词语经过5分钟后仅能回忆0～1个）',
        'mild (loses immediate recall: 0–1 of 3 words after 5 min)',
      ),
      option(2, '中度记忆紊乱或回忆不能（不能回忆近期记忆）', 'moderate (loses recent memory)'),
      option(1, '重度记忆紊乱或回忆不能（不能回忆远期记忆）', 'severe (loses remote memory)'),
      option(0, '记忆完全紊乱，或完全不能对既往事物进行正确回忆', 'none'),
    ]),
    item('mental.comprehension', label('理解能力', 'understanding others (hearing aids allowed)'), [
      option(4, '能正常理解他人的话', 'normal'),
      option(3, '能理解他人的话，但需要增加时间', 'needs more time'),
      option(2, '理解有困难，需频繁重复或简化口头表达', 'difficult, needs repetition'),
      option(1, '理解有严重困难，需要大量他人帮助', 'severe difficulty'),
      option(0, '完全不能理解他人的话', 'none'),
    ]),
    item('mental.expression', label('表达能力', 'expressing oneself'), [
      option(4, '能正常表达自己的想法', 'normal'),
      option(3, '能表达自己的需要，但需要增加时间', 'needs more time'),
      option(2, '表达需要有困难，需频繁重复或简化口头表达', 'difficult'),
      option(1, '表达有严重困难，需要大量他人帮助', 'severe difficulty'),
      option(0, '完全不能表达需要', 'none'),
    ]),
    item('mental.aggression', label('攻击行为', 'physical or verbal aggression, long-term'), [
      option(1, '未出现', 'none'),
      option(0, '近一个月内出现过攻击行为', 'present in the last month'),
    ]),
    item('mental.depression', label('抑郁症状', 'depressive symptoms, long-term'), [
      option(1, '未出现', 'none'),
      option(0, '近一个月内出现过负性情绪', 'present in the last month'),
    ]),
    item('mental.consciousness', label('意识水平', 'level of consciousness'), [
      option(2, '神志清醒，对周围环境能做出正确反应', 'alert'),
      option(1, '嗜睡或意识模糊', 'drowsy or confused'),
      option(0, '昏睡或昏迷', 'stupor or coma'),
    ]),
  ],
};

/** §4.4 感知觉与社会参与: 5 items, max 15. */
const PERCEPTION_SOCIAL: DomainDefinition = {
  code: 'perceptionSocial',
  name: label('感知觉与社会参与', 'perception and social participation'),
  items: [
    item('perceptionSocial.vision', label('视力', 'vision, best corrected'), [
      option(2, '视力正常', 'normal'),
      option(
        1,
        '能看清楚大字体，但看不清书报上的标准字体；或能辨认物体，但看不清报纸大标题',
        'reads large print only, or sees objects but not headlines',
      ),
      option(0, '只能看到光、颜色和形状，或完全失明', 'light, colour and shape only, or blind'),
    ]),
    item('perceptionSocial.hearing', label('听力', 'hearing, usual aids allowed'), [
      option(2, '听力正常', 'normal'),
      option(
        1,
        '轻声说话或说话距离超过2 m时听不清，或需在安静环境中大声说话才能听到',
        'misses soft speech or speech beyond 2 m, or needs quiet and loud speech',
      ),
      option(0, '讲话者大声说话或说话很慢才能部分听见，或完全失聪', 'hears only loud, slow speech, or deaf'),
    ]),
    item('perceptionSocial.dailyAffairs', label('执行日常事务', 'daily affairs (laundry, small shopping, medicines)'), [
      option(4, '能完全独立计划、安排和完成日常事务，无需协助', 'independent'),
      option(3, '计划、安排和完成日常事务时需要他人监护或指导', 'supervision'),
      option(2, '计划、安排和完成日常事务时需要少量协助', 'a little help'),
      option(1, '计划、安排和完成日常事务时需要大量协助', 'much help'),
      option(0, '完全依赖他人进行日常事务', 'fully dependent'),
    ]),
    item('perceptionSocial.transport', label('使用交通工具外出', 'going out by transport'), [
      option(3, '能自己骑车或搭乘公共交通工具外出', 'bicycle or public transport alone'),
      option(2, '能自己搭乘出租车，但不会搭乘其他公共交通工具外出', 'taxi alone only'),
      option(1, '有人协助或陪伴时，可搭乘公共交通工具外出', 'public transport with a companion'),
      option(
        0,
        '只能在他人协助下搭乘出租车或私家车外出，或完全不能出门',
        'only taxi or car with help, or cannot go out',
      ),
    ]),
    item('perceptionSocial.socialInteraction', label('社会交往能力', 'social interaction'), [
      option(4, '参与社会，在社会环境中有一定适应能力，待人接物恰当', 'takes part, behaves appropriately'),
      option(3, '能适应单纯环境，主动接触他人，不能理解隐喻语', 'copes in simple settings, misses metaphors'),
      option(2, '脱离社会，可被动接触，不会主动待人，容易上当受骗', 'withdrawn, only passive contact, easily deceived'),
      option(1, '勉强可与他人接触，谈吐内容不清楚，表情不恰当', 'barely interacts, unclear speech'),
      option(0, '不能与人交往', 'none'),
    ]),
  ],
};

export const GBT42195_DOMAINS: readonly DomainDefinition[] = [SELF_CARE, MOBILITY, MENTAL, PERCEPTION_SOCIAL];
