import { PERSON_ORIENTATION, PLACE_ORIENTATION, TIME_ORIENTATION, item, label, option } from './option-sets.ts';
import type { DomainDefinition, ItemOption } from './types.ts';

const someHelpOr = (full: number, zhHelp: string): readonly ItemOption[] => [
  option(full, '可独立完成', 'independent'),
  option(full / 2, `需部分帮助（${zhHelp}）`, 'some help'),
  option(0, '需极大帮助或完全依赖他人', 'much help or dependent'),
];

/** C1 日常生活活动能力 (0–100): the Barthel items and points with the LTC wording (§7). */
export const LTCI_ADL: DomainDefinition = {
  code: 'adl',
  name: label('日常生活活动能力', 'activities of daily living'),
  items: [
    item('adl.eating', label('进食', 'feeding'), someHelpOr(10, '如协助把持餐具')),
    item('adl.bathing', label('洗澡', 'bathing'), [
      option(5, '准备好洗澡水后，可自己独立完成洗澡过程', 'independent once the bath is prepared'),
      option(0, '洗澡过程中需他人帮助', 'needs help'),
    ]),
    item('adl.grooming', label('面部与口腔清洁', 'face and mouth care'), [
      option(5, '可独立完成', 'independent'),
      option(0, '需他人帮助', 'needs help'),
    ]),
    item('adl.dressing', label('穿衣', 'dressing'), someHelpOr(10, '如系扣、拉拉链、系鞋带')),
    item('adl.bowel', label('大便控制', 'bowels'), [
      option(10, '可控制大便', 'continent'),
      option(5, '偶尔失控，或需要他人提示', 'occasional accident, or needs prompting'),
      option(0, '完全失控', 'incontinent'),
    ]),
    item('adl.bladder', label('小便控制', 'bladder'), [
      option(10, '可控制小便，或能自行使用导尿管', 'continent, or manages own catheter'),
      option(5, '偶尔失控，或需要他人提示', 'occasional accident, or needs prompting'),
      option(0, '完全失控，或留置导尿管需他人护理', 'incontinent, or catheter managed by others'),
    ]),
    item('adl.toilet', label('用厕', 'toilet use'), someHelpOr(10, '如需搀扶、冲水或整理衣裤')),
    item('adl.transfer', label('床椅转移', 'bed–chair transfer'), [
      option(15, '可独立完成', 'independent'),
      option(10, '需部分帮助（需他人搀扶或使用拐杖）', 'some help'),
      option(5, '需极大帮助（较大程度上依赖他人搀扶和帮助）', 'much help'),
      option(0, '完全依赖他人', 'dependent'),
    ]),
    item('adl.walking', label('平地行走', 'walking 45 m on the level'), [
      option(15, '可独立在平地上行走45 m', 'independent'),
      option(10, '需部分帮助（需他人搀扶或使用拐杖、助行器等辅助用具）', 'some help'),
      option(5, '需极大帮助（较大程度上依赖他人搀扶，或坐在轮椅上自行移动）', 'much help'),
      option(0, '完全依赖他人', 'dependent'),
    ]),
    item('adl.stairs', label('上下楼梯', 'stairs'), someHelpOr(10, '如扶楼梯、他人搀扶或使用拐杖')),
  ],
};

/** C2 认知能力 (0–16), higher is better. */
export const LTCI_COGNITION: DomainDefinition = {
  code: 'cognition',
  name: label('认知能力', 'cognition'),
  items: [
    item('cognition.timeOrientation', label('时间定向', 'time orientation'), TIME_ORIENTATION),
    item('cognition.personOrientation', label('人物定向', 'person orientation'), PERSON_ORIENTATION),
    item('cognition.placeOrientation', label('空间定向', 'place orientation'), PLACE_ORIENTATION),
    item('cognition.memory', label('记忆力', 'memory'), [
      option(4, '能完整回忆既往事物，能回忆3个词语', 'full recall and 3 words'),
      option(3, '能回忆大部分既往事物，能回忆2个词语', 'most past events and 2 words'),
      option(2, '能回忆大部分既往事物，能回忆1个词语', 'most past events and 1 word'),
      option(1, '能回忆少量既往事物，不能回忆近期事物', 'a little past, no recent memory'),
      option(0, '不能回忆任何事物', 'none'),
    ]),
  ],
};

/** C3 感知觉与沟通能力 (0–12): 4 is normal, 0 blind, deaf or unable to communicate. */
export const LTCI_PERCEPTION_COMM: DomainDefinition = {
  code: 'perceptionComm',
  name: label('感知觉与沟通能力', 'perception and communication'),
  items: [
    item('perceptionComm.vision', label('视力', 'vision'), [
      option(4, '能看清书报上的标准字体', 'normal'),
      option(3, '能看清楚大字体，但看不清书报上的标准字体', 'reads large print only'),
      option(2, '视力有限，看不清报纸大标题，但能辨认物体', 'sees objects but not headlines'),
      option(1, '辨认物体有困难，只能看到光、颜色和形状', 'light, colour and shape only'),
      option(0, '没有视力，眼睛不能跟随物体移动', 'blind'),
    ]),
    item('perceptionComm.hearing', label('听力', 'hearing'), [
      option(4, '可正常交谈，能听到电视、电话、门铃的声音', 'normal'),
      option(3, '在轻声说话或说话距离超过2米时听不清', 'misses soft or distant speech'),
      option(2, '正常交流有些困难，需在安静的环境或大声说话才能听到', 'needs quiet and loud speech'),
      option(1, '讲话者大声说话或说话很慢，才能部分听见', 'hears only loud, slow speech'),
      option(0, '完全失聪', 'deaf'),
    ]),
    item('perceptionComm.communication', label('沟通能力', 'communication'), [
      option(4, '无困难，能与他人正常沟通和交流', 'no difficulty'),
      option(3, '能够表达自己的需要及理解别人的话，但需要增加时间或给予帮助', 'needs more time or help'),
      option(2, '表达需要或理解有困难，需频繁重复或简化口头表达', 'difficult, needs repetition'),
      option(1, '表达需要或理解有严重困难，仅能简单交流', 'severe difficulty'),
      option(0, '完全不能与他人沟通交流', 'unable to communicate'),
    ]),
  ],
};
