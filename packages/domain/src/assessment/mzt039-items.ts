import { item, label, option } from './option-sets.ts';
import type { DomainDefinition } from './types.ts';

// MZ/T 039-2013 §6: in the mental, perception and social domains higher points mean worse.
const WORSE = false;

export const MZT039_MENTAL: DomainDefinition = {
  code: 'mental',
  name: label('精神状态', 'mental status'),
  items: [
    item(
      'mental.cognition',
      label('认知功能', 'cognition'),
      [
        option(0, '画钟正确，且能回忆出2～3个词', 'clock drawing right and recalls 2–3 words'),
        option(1, '画钟错误，或只回忆出0～1个词', 'clock wrong or recalls 0–1 words'),
        option(2, '已确诊为认知障碍', 'diagnosed cognitive impairment'),
      ],
      WORSE,
    ),
    item(
      'mental.aggression',
      label('攻击行为', 'aggression'),
      [
        option(0, '无身体或语言攻击行为', 'none'),
        option(1, '每月有几次身体攻击行为，或每周有几次语言攻击行为', 'monthly physical or weekly verbal aggression'),
        option(2, '每周有几次身体攻击行为，或每日有语言攻击行为', 'weekly physical or daily verbal aggression'),
      ],
      WORSE,
    ),
    item(
      'mental.depression',
      label('抑郁症状', 'depressive symptoms'),
      [
        option(0, '无', 'none'),
        option(1, '情绪低落、不爱说话、不爱梳洗、不爱活动', 'low mood, withdrawn'),
        option(2, '有自杀念头或自杀行为', 'suicidal thoughts or acts'),
      ],
      WORSE,
    ),
  ],
};

export const MZT039_PERCEPTION: DomainDefinition = {
  code: 'perception',
  name: label('感知觉与沟通', 'perception and communication'),
  items: [
    item(
      'perception.consciousness',
      label('意识水平', 'level of consciousness'),
      [
        option(0, '神志清醒', 'alert'),
        option(1, '嗜睡', 'drowsy'),
        option(2, '昏睡', 'stupor'),
        option(3, '昏迷', 'coma'),
      ],
      WORSE,
    ),
    item(
      'perception.vision',
      label('视力', 'vision'),
      [
        option(0, '能看清书报上的标准字体', 'reads standard print'),
        option(1, '能看清楚大字体，但看不清书报上的标准字体', 'reads large print only'),
        option(2, '视力有限，看不清报纸大标题，但能辨认物体', 'sees objects but not headlines'),
        option(3, '辨认物体有困难，但眼睛能跟随物体移动，只能看到光、颜色和形状', 'light, colour and shape only'),
        option(4, '没有视力，眼睛不能跟随物体移动', 'blind'),
      ],
      WORSE,
    ),
    item(
      'perception.hearing',
      label('听力', 'hearing'),
      [
        option(0, '可正常交谈，能听到电视、电话、门铃的声音', 'normal'),
        option(1, '在轻声说话或说话距离超过2米时听不清', 'misses soft or distant speech'),
        option(2, '正常交流有些困难，需在安静的环境或大声说话才能听到', 'needs quiet and loud speech'),
        option(3, '讲话者大声说话或说话很慢，才能部分听见', 'hears only loud, slow speech'),
        option(4, '完全失聪', 'deaf'),
      ],
      WORSE,
    ),
    item(
      'perception.communication',
      label('沟通交流', 'communication'),
      [
        option(0, '无困难，能与他人正常沟通和交流', 'no difficulty'),
        option(1, '能够表达自己的需要及理解别人的话，但需要增加时间或给予帮助', 'needs more time or help'),
        option(2, '表达需要或理解有困难，需频繁重复或简化口头表达', 'difficult, needs repetition'),
        option(3, '不能表达需要或理解他人的话', 'cannot express needs or understand others'),
      ],
      WORSE,
    ),
  ],
};

export const MZT039_SOCIAL: DomainDefinition = {
  code: 'social',
  name: label('社会参与', 'social participation'),
  items: [
    item(
      'social.livingSkills',
      label('生活能力', 'living skills'),
      [
        option(0, '除个人生活自理外，能料理家务或当家管理事务', 'self-care plus housework and household management'),
        option(1, '除个人生活自理外，能做家务，但欠好，家庭事务安排欠条理', 'housework, but not well'),
        option(2, '个人生活能自理；只有在他人帮助下才能做些家务，但质量不好', 'self-care; housework only with help'),
        option(3, '个人基本生活事务能自理，在督促下可洗漱', 'basic self-care, washes when prompted'),
        option(4, '个人基本生活事务需要部分帮助或完全依赖他人帮助', 'needs help with basic self-care'),
      ],
      WORSE,
    ),
    item(
      'social.work',
      label('工作能力', 'work ability'),
      [
        option(0, '原来熟练的脑力工作或体力技巧性工作可照常进行', 'former skilled work as usual'),
        option(1, '原来熟练的脑力工作或体力技巧性工作能力有所下降', 'somewhat reduced'),
        option(2, '原来熟练的脑力工作或体力技巧性工作明显不如以往，部分遗忘', 'clearly reduced, partly forgotten'),
        option(3, '对熟练工作只有一些片段保留，技能全部遗忘', 'only fragments left'),
        option(4, '对以往的知识或技能全部磨灭', 'all lost'),
      ],
      WORSE,
    ),
    item(
      'social.orientation',
      label('时间/空间定向', 'time and place orientation'),
      [
        option(0, '时间观念清楚；可单独出远门，能很快掌握新环境的方位', 'clear; travels far alone'),
        option(1, '时间观念有些下降；可单独来往于近街，但不知回家路线', 'slightly reduced; nearby streets alone'),
        option(2, '时间观念较差；只能单独在家附近行动', 'poor; moves only near home'),
        option(3, '时间观念很差；只能在左邻右舍间串门', 'very poor; only next-door visits'),
        option(4, '无时间观念；不能单独外出', 'none; cannot go out alone'),
      ],
      WORSE,
    ),
    item(
      'social.personOrientation',
      label('人物定向', 'person orientation'),
      [
        option(0, '知道周围人们的关系和称谓的意义，可用适当称呼', 'knows relations and forms of address'),
        option(1, '只知家中亲密近亲的关系，不能称呼陌生人', 'close family only'),
        option(2, '只能称呼家中人，不知其关系，不辨辈分', 'names family without relations'),
        option(3, '只认识常同住的亲人，可辨熟人和生人', 'only housemates'),
        option(4, '只认识保护人，不辨熟人和生人', 'only the carer'),
      ],
      WORSE,
    ),
    item(
      'social.interaction',
      label('社会交往能力', 'social interaction'),
      [
        option(0, '参与社会，在社会环境有一定的适应能力，待人接物恰当', 'takes part, behaves appropriately'),
        option(1, '能适应单纯环境，主动接触人，不能理解隐喻语', 'copes in simple settings, misses metaphors'),
        option(2, '脱离社会，可被动接触，不会主动待人，容易上当受骗', 'withdrawn, only passive contact'),
        option(3, '勉强可与人交往，谈吐内容不清楚，表情不恰当', 'barely interacts, unclear speech'),
        option(4, '难以与人接触', 'none'),
      ],
      WORSE,
    ),
  ],
};
