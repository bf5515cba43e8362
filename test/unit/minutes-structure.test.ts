import { describe, expect, it } from 'vitest';
import { PROJECT_TABLE_HEADER, decisionSections, projectsAgendaItemId, type DecisionsData, type ProjectDecision } from '../../server/domain/minutes-structure.ts';

const agendaItems = [
  { id: 'i1', kind: 'announcement' },
  { id: 'i2', kind: 'minutes_approval' },
  { id: 'i3', kind: 'consideration' },
  { id: 'i4', kind: 'other' },
];
const project = (code: string, requested: number, ceiling: number, outcome: ProjectDecision['outcome'], textTh = ''): ProjectDecision => ({
  resolutionId: `r-${code}`,
  projectCode: code,
  projectNameTh: `โครงการ ${code}`,
  agencyTh: 'สำนักงานพัฒนารัฐบาลดิจิทัล',
  requestedBaht: requested,
  ceilingBaht: ceiling,
  outcome,
  textTh,
});

describe('decisions in the minutes', () => {
  it('puts project resolutions under the consideration item, or the last item when there is none', () => {
    expect(projectsAgendaItemId(agendaItems)).toBe('i3');
    expect(projectsAgendaItemId(agendaItems.filter((i) => i.kind !== 'consideration'))).toBe('i4');
    expect(projectsAgendaItemId([])).toBeNull();
  });

  it("words each agenda item's resolution as the minutes do, with the resolution's own words after", () => {
    const data: DecisionsData = {
      agendaItems,
      frameBaht: 0,
      agenda: [
        { resolutionId: 'a', agendaItemId: 'i1', outcome: 'noted', textTh: '' },
        { resolutionId: 'b', agendaItemId: 'i2', outcome: 'approved_as_requested', textTh: 'โดยไม่มีการแก้ไข' },
        { resolutionId: 'c', agendaItemId: 'i4', outcome: 'deferred', textTh: '  ' },
      ],
      projects: [],
    };
    const sections = decisionSections(data);
    expect(sections.map((s) => s.key)).toEqual(['decision:i1', 'decision:i2', 'decision:i3', 'decision:i4']);
    expect(sections.map((s) => s.blocks)).toEqual([
      [{ type: 'paragraph', text: [{ bold: 'มติที่ประชุม' }, ' ที่ประชุมรับทราบ'] }],
      [{ type: 'paragraph', text: [{ bold: 'มติที่ประชุม' }, ' ที่ประชุมพิจารณาแล้วมีมติเห็นชอบตามที่เสนอ โดยไม่มีการแก้ไข'] }],
      // Not decided yet: the blank line the secretary may fill.
      [{ type: 'paragraph', text: [{ bold: 'มติที่ประชุม' }, ' '] }],
      [{ type: 'paragraph', text: [{ bold: 'มติที่ประชุม' }, ' ที่ประชุมพิจารณาแล้วมีมติให้ชะลอการพิจารณา'] }],
    ]);
  });

  it('tabulates the project resolutions in code order with totals against the frame', () => {
    const data: DecisionsData = {
      agendaItems,
      frameBaht: 5_523_911_000,
      agenda: [],
      projects: [
        project('DGA-10', 2_000_000_000, 1_500_000_000, 'approved_adjusted', 'ให้ทยอยเบิกจ่ายตามผลการดำเนินงาน'),
        project('DGA-2', 1_000_000_000, 1_000_000_000, 'approved_as_requested'),
        project('DGA-3', 300_000_000, 0, 'not_approved'),
      ],
    };
    const section = decisionSections(data).find((s) => s.key === 'decision:i3')!;
    expect(section.blocks[0]).toEqual({ type: 'paragraph', text: [{ bold: 'มติที่ประชุม' }, ' ', 'ที่ประชุมพิจารณาแล้วมีมติเกี่ยวกับโครงการ จำนวน 3 โครงการ ดังนี้'] });
    expect(section.blocks[1]).toEqual({
      type: 'table',
      header: PROJECT_TABLE_HEADER,
      rows: [
        ['DGA-2 โครงการ DGA-2', 'สำนักงานพัฒนารัฐบาลดิจิทัล', '1,000.0000', '1,000.0000', 'เห็นชอบตามที่เสนอ', '-'],
        ['DGA-3 โครงการ DGA-3', 'สำนักงานพัฒนารัฐบาลดิจิทัล', '300.0000', '0.0000', 'ไม่เห็นชอบ', '-'],
        ['DGA-10 โครงการ DGA-10', 'สำนักงานพัฒนารัฐบาลดิจิทัล', '2,000.0000', '1,500.0000', 'เห็นชอบโดยปรับวงเงิน', 'ให้ทยอยเบิกจ่ายตามผลการดำเนินงาน'],
        ['รวม 3 โครงการ', '', '3,300.0000', '2,500.0000', '', ''],
      ],
    });
    expect(section.blocks[2]).toEqual({
      type: 'paragraph',
      text: ['รวมวงเงินที่เห็นชอบ 2,500.0000 ล้านบาท จากกรอบวงเงิน 5,523.9110 ล้านบาท คงเหลือ 3,023.9110 ล้านบาท'],
    });
    const over = decisionSections({ ...data, frameBaht: 2_000_000_000 }).find((s) => s.key === 'decision:i3')!;
    expect(over.blocks[2]).toEqual({ type: 'paragraph', text: ['รวมวงเงินที่เห็นชอบ 2,500.0000 ล้านบาท จากกรอบวงเงิน 2,000.0000 ล้านบาท เกินกรอบวงเงิน 500.0000 ล้านบาท'] });
  });

  it("keeps the consideration item's own resolution first, then the table", () => {
    const data: DecisionsData = {
      agendaItems,
      frameBaht: 1_000_000_000,
      agenda: [{ resolutionId: 'x', agendaItemId: 'i3', outcome: 'approved_as_requested', textTh: '' }],
      projects: [project('P1', 100_000_000, 100_000_000, 'approved_as_requested')],
    };
    const blocks = decisionSections(data).find((s) => s.key === 'decision:i3')!.blocks;
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'table', 'paragraph']);
    expect(blocks[1]).toEqual({ type: 'paragraph', text: ['ที่ประชุมพิจารณาแล้วมีมติเกี่ยวกับโครงการ จำนวน 1 โครงการ ดังนี้'] });
  });
});
