import { describe, expect, it } from 'vitest';
import { meetingRoleFromText, parseRosterPaste, positionFromText } from '../../server/domain/roster.ts';

describe('the roster', () => {
  it.each([
    ['ประธานกรรมการ', 'chair'],
    ['ประธาน', 'chair'],
    ['รองประธานกรรมการ', 'vice_chair'],
    ['กรรมการ', 'member'],
    ['กรรมการและเลขานุการ', 'member_secretary'],
    ['กรรมการ และ เลขานุการ', 'member_secretary'],
    ['ผู้ช่วยเลขานุการ', 'assistant_secretary'],
    ['Vice-chair', 'vice_chair'],
    ['assistant_secretary', 'assistant_secretary'],
  ])('reads the position %s', (text, position) => {
    expect(positionFromText(text)).toBe(position);
  });

  it('reads no position from other words, and meeting roles from theirs', () => {
    expect(positionFromText('ที่ปรึกษา')).toBeNull();
    expect(positionFromText('')).toBeNull();
    expect(meetingRoleFromText('ผู้นำเสนอ')).toBe('presenter');
    expect(meetingRoleFromText('ฝ่ายเลขานุการ')).toBe('secretary');
    expect(meetingRoleFromText('ผู้สังเกตการณ์')).toBeNull();
  });

  it('reads a list pasted from a spreadsheet: tabs, a numbering column, a header, Thai digits, blank lines', () => {
    const text = [
      'ลำดับ\tชื่อ-นามสกุล\tตำแหน่ง\tหน่วยงาน',
      '๑\tนายประเสริฐ  ประธาน\tประธานกรรมการ\tสำนักนายกรัฐมนตรี',
      '2\tนางสาวรอง ประธาน\tรองประธานกรรมการ\tสำนักงบประมาณ',
      '',
      '3\tนายกรรม การ\tกรรมการ\tกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม\tผู้นำเสนอ',
      '4\tนางเลขา นุการ\tกรรมการและเลขานุการ\tสำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)',
    ].join('\n');
    const { entries, errors } = parseRosterPaste(text);
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.nameTh, e.position, e.meetingRole])).toEqual([
      ['นายประเสริฐ ประธาน', 'chair', 'chair'],
      ['นางสาวรอง ประธาน', 'vice_chair', 'member'],
      ['นายกรรม การ', 'member', 'presenter'],
      ['นางเลขา นุการ', 'member_secretary', 'secretary'],
    ]);
    expect(entries[3]!.agencyTh).toBe('สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)');
  });

  it('reads comma-separated lines too', () => {
    expect(parseRosterPaste('นายหนึ่ง, กรรมการ, สำนักงบประมาณ\r\nนายสอง, ผู้ช่วยเลขานุการ, สพร.').entries.map((e) => e.position)).toEqual(['member', 'assistant_secretary']);
  });

  it('names every bad line and field, and takes nothing from a list with any', () => {
    const { entries, errors } = parseRosterPaste(['นายดี\tกรรมการ\tสำนักงบประมาณ', '\tกรรมการ\tสำนักงบประมาณ', 'นายผิด\tที่ปรึกษา\t', `${'ก'.repeat(121)}\tกรรมการ\tก\tจักรพรรดิ`].join('\n'));
    expect(entries).toEqual([]);
    expect(errors).toEqual([
      { line: 2, field: 'nameTh', reason: 'missing', value: '' },
      { line: 3, field: 'position', reason: 'unknown_position', value: 'ที่ปรึกษา' },
      { line: 3, field: 'agencyTh', reason: 'missing', value: '' },
      { line: 4, field: 'nameTh', reason: 'too_long', value: 'ก'.repeat(121) },
      { line: 4, field: 'meetingRole', reason: 'unknown_role', value: 'จักรพรรดิ' },
    ]);
  });
});
