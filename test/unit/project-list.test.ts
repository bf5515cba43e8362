// The project list's rules after the plan's first decision (server/domain/project-list.ts): adding, withdrawing and
// correcting a request, each refusal typed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_REQUEST_BAHT, checkAddition, checkRequestCorrection, checkWithdrawal, type ListFacts, type ListedProject } from '../../server/domain/project-list.ts';
import { ERROR_MESSAGES } from '../../server/shared/errors.ts';

const facts = (over: Partial<ListFacts> = {}, rules: Partial<ListFacts['rules']> = {}): ListFacts => ({
  decided: true,
  rules: { frameBaht: 100_000_000, hardCap: false, allowAboveRequest: false, ...rules },
  totalCeilingsBaht: 90_000_000,
  ...over,
});
const project = (over: Partial<ListedProject> = {}): ListedProject => ({
  code: '1.1.01',
  nameTh: 'โครงการพัฒนาระบบข้อมูล',
  requestedBaht: 10_000_000,
  ceilingBaht: 8_000_000,
  withdrawn: false,
  resolved: false,
  ...over,
});
const refusal = (verdict: { ok: boolean; code?: string }) => (verdict.ok ? 'ok' : verdict.code);

describe('adding a project', () => {
  const existing = [project()];
  const input = { code: '9.9.01', nameTh: 'โครงการใหม่', requestedBaht: 5_000_000 };

  it('starts its ceiling at the request', () => {
    expect(checkAddition(input, existing, facts())).toEqual({ ok: true, ceilingBaht: 5_000_000 });
  });

  it('is for after the first decision: before it the list is imported again', () => {
    expect(refusal(checkAddition(input, existing, facts({ decided: false })))).toBe('project_list_open');
  });

  it('refuses a code or name the plan has, however it is spaced or cased, withdrawn projects included', () => {
    expect(refusal(checkAddition({ ...input, code: ' 1.1.01 ' }, existing, facts()))).toBe('project_code_taken');
    expect(refusal(checkAddition({ ...input, code: 'ab-1' }, [project({ code: 'AB-1', withdrawn: true })], facts()))).toBe('project_code_taken');
    expect(refusal(checkAddition({ ...input, nameTh: 'โครงการพัฒนาระบบข้อมูล  ' }, existing, facts()))).toBe('project_name_taken');
  });

  it('takes whole baht above zero of at most 15 digits', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, MAX_REQUEST_BAHT + 1, '5000000', null]) {
      expect(refusal(checkAddition({ ...input, requestedBaht: bad }, existing, facts())), String(bad)).toBe('request_invalid');
    }
    expect(refusal(checkAddition({ ...input, requestedBaht: MAX_REQUEST_BAHT }, existing, facts()))).toBe('ok');
  });

  it('leaves room under a hard cap, or is refused', () => {
    expect(refusal(checkAddition({ ...input, requestedBaht: 10_000_000 }, existing, facts({}, { hardCap: true })))).toBe('ok');
    const over = checkAddition({ ...input, requestedBaht: 10_000_001 }, existing, facts({}, { hardCap: true }));
    expect(over).toEqual({ ok: false, code: 'over_frame_cap', details: { frameBaht: 100_000_000, overByBaht: 1 } });
    expect(refusal(checkAddition({ ...input, requestedBaht: 10_000_001 }, existing, facts()))).toBe('ok');
  });
});

describe('withdrawing a project', () => {
  it('needs a reason, once, and no confirmed resolution on it', () => {
    expect(refusal(checkWithdrawal(project(), 'หน่วยงานขอถอน', facts()))).toBe('ok');
    expect(refusal(checkWithdrawal(project(), '   ', facts()))).toBe('reason_required');
    expect(refusal(checkWithdrawal(project({ withdrawn: true }), 'ซ้ำ', facts()))).toBe('project_withdrawn');
    expect(refusal(checkWithdrawal(project({ resolved: true }), 'มีมติแล้ว', facts()))).toBe('project_resolved');
    expect(refusal(checkWithdrawal(project(), 'ก่อนตัดสินใจ', facts({ decided: false })))).toBe('project_list_open');
  });
});

describe('correcting a request', () => {
  it('keeps a ceiling the committee moved, and refuses a request below it unless the plan allows', () => {
    expect(checkRequestCorrection(project(), 9_000_000, 'แก้ตัวเลข', facts())).toEqual({ ok: true, requestedBaht: 9_000_000, ceilingBaht: 8_000_000 });
    expect(checkRequestCorrection(project(), 7_999_999, 'แก้ตัวเลข', facts())).toEqual({ ok: false, code: 'request_below_ceiling', details: { ceilingBaht: 8_000_000 } });
    expect(checkRequestCorrection(project(), 7_000_000, 'แก้ตัวเลข', facts({}, { allowAboveRequest: true }))).toEqual({ ok: true, requestedBaht: 7_000_000, ceilingBaht: 8_000_000 });
  });

  it('moves an uncut ceiling with the request, within a hard cap', () => {
    const uncut = project({ ceilingBaht: 10_000_000 });
    expect(checkRequestCorrection(uncut, 12_000_000, 'แก้ตัวเลข', facts())).toEqual({ ok: true, requestedBaht: 12_000_000, ceilingBaht: 12_000_000 });
    expect(checkRequestCorrection(uncut, 7_000_000, 'แก้ตัวเลข', facts())).toEqual({ ok: true, requestedBaht: 7_000_000, ceilingBaht: 7_000_000 });
    expect(refusal(checkRequestCorrection(uncut, 20_000_001, 'แก้ตัวเลข', facts({}, { hardCap: true })))).toBe('over_frame_cap');
    // A cut is never refused by the cap.
    expect(refusal(checkRequestCorrection(uncut, 1_000_000, 'แก้ตัวเลข', facts({ totalCeilingsBaht: 200_000_000 }, { hardCap: true })))).toBe('ok');
  });

  it('refuses the same request, bad amounts, no reason, a withdrawn or resolved project', () => {
    expect(refusal(checkRequestCorrection(project(), 10_000_000, 'เท่าเดิม', facts()))).toBe('request_unchanged');
    expect(refusal(checkRequestCorrection(project(), 9_000_000.5, 'แก้', facts()))).toBe('request_invalid');
    expect(refusal(checkRequestCorrection(project(), 9_000_000, '', facts()))).toBe('reason_required');
    expect(refusal(checkRequestCorrection(project({ withdrawn: true }), 9_000_000, 'แก้', facts()))).toBe('project_withdrawn');
    expect(refusal(checkRequestCorrection(project({ resolved: true }), 9_000_000, 'แก้', facts()))).toBe('project_resolved');
  });

  it('never leaves a ceiling above the request where the plan forbids it, and every refusal has Thai and English', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: -5, max: 60_000_000 }),
        fc.boolean(),
        (requestedBaht, ceilingBaht, toBaht, hardCap) => {
          const verdict = checkRequestCorrection(project({ requestedBaht, ceilingBaht }), toBaht, 'เหตุผล', facts({}, { hardCap }));
          if (verdict.ok) {
            expect(verdict.ceilingBaht).toBeLessThanOrEqual(verdict.requestedBaht);
            expect(verdict.ceilingBaht === toBaht || verdict.ceilingBaht === ceilingBaht).toBe(true);
          } else {
            expect(ERROR_MESSAGES[verdict.code].th).toBeTruthy();
            expect(ERROR_MESSAGES[verdict.code].en).toBeTruthy();
          }
        },
      ),
    );
  });
});
