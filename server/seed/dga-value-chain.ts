// The value chain of DGA's integrated digital-government plan (design.md): three goals, upstream to downstream, and
// four approaches. The sample plan uses it, and the set-up pages offer it as the template a new plan starts from.
import type { SampleGoal } from './sample-plan.ts';

const GOALS: readonly SampleGoal[] = [
  {
    number: 1,
    stream: 'upstream',
    nameTh: 'ต้นน้ำ: ยกระดับการเปลี่ยนผ่านดิจิทัลภาครัฐให้ยืดหยุ่น คล่องตัว เพื่อการบริหารงานอย่างมีประสิทธิภาพ',
    nameEn: 'Digital Government Transformation',
    approaches: [
      {
        code: '1.1',
        nameTh:
          'การเตรียมความพร้อมพื้นฐานที่จำเป็น (Fundamental) เพื่อนำไปสู่การตอบโจทย์ความต้องการด้านดิจิทัลของประเทศอย่างยั่งยืน',
        nameEn: "Preparing the necessary fundamentals (Fundamental) to meet the country's digital needs sustainably",
      },
      {
        code: '1.2',
        nameTh: 'การจัดทำโครงสร้างพื้นฐาน เพื่อรองรับการให้บริการแก่หน่วยงานภาครัฐ',
        nameEn: 'Building infrastructure to support services for government agencies',
      },
    ],
  },
  {
    number: 2,
    stream: 'midstream',
    nameTh: 'กลางน้ำ: สนับสนุนการพัฒนาแพลตฟอร์มหรือเครื่องมือดิจิทัลกลางภาครัฐ',
    nameEn: 'Digital Common Platform',
    approaches: [
      {
        code: '2.1',
        nameTh: 'การพัฒนาเครื่องมือหรือแพลตฟอร์มกลางภาครัฐเพื่อสนับสนุนการขับเคลื่อนรัฐบาลดิจิทัลอย่างเป็นรูปธรรม',
        nameEn: 'Developing central government tools or platforms to drive digital government in concrete terms',
      },
    ],
  },
  {
    number: 3,
    stream: 'downstream',
    nameTh:
      'ปลายน้ำ: บูรณาการข้อมูลภาครัฐและบริการภาครัฐในรูปแบบดิจิทัลผ่านแพลตฟอร์มบริการแบบเบ็ดเสร็จเพื่อตอบสนองความต้องการของผู้ใช้บริการ',
    nameEn: 'End-to-End Digital Data and Services via Digital Services Platform',
    approaches: [
      {
        code: '3.1',
        nameTh:
          'การบูรณาการข้อมูลและบริการภาครัฐในรูปแบบดิจิทัลผ่านแพลตฟอร์มบริการสำคัญ เพื่อการพัฒนารัฐบาลดิจิทัลที่สอดคล้องกับแผนพัฒนารัฐบาลดิจิทัลหรือด้านสำคัญอื่นๆ ที่สนับสนุนการพัฒนารัฐบาลดิจิทัล',
        nameEn:
          'Integrating government data and services digitally through key service platforms, in line with the Digital Government Development Plan or other key areas',
      },
    ],
  },
];

/** The three goals and four approaches, as fresh objects. */
export function dgaValueChain(): SampleGoal[] {
  return GOALS.map((goal) => ({ ...goal, approaches: goal.approaches.map((approach) => ({ ...approach })) }));
}
