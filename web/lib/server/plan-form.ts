// The plan form's fields as the JSON API's payload, so that the page and the API share one schema and one set of
// refusals (server/setup/plan-setup.ts). The value chain arrives as `valueChain.<goal>.<field>` and
// `valueChain.<goal>.approaches.<approach>.<field>`; wholly blank rows (left empty by "add") are dropped.
import type { PlanFormValues } from '$shared/setup/plan-fields.ts';
import { typedNumber } from './setup-forms.ts';

function whole(value: FormDataEntryValue | null): number | string {
  return typedNumber(typeof value === 'string' ? value : '');
}

function textOf(value: FormDataEntryValue | null): string {
  return typeof value === 'string' ? value : '';
}

type Row = Record<string, string>;

/** `prefix.<n>.<field>` rows in the order of n. */
function rows(form: FormData, prefix: string): Map<number, Row> {
  const found = new Map<number, Row>();
  const pattern = new RegExp(`^${prefix.replaceAll('.', '\\.')}\\.(\\d{1,3})\\.(\\w+)$`);
  for (const [key, value] of form) {
    const match = pattern.exec(key);
    if (!match || typeof value !== 'string') continue;
    const row = found.get(Number(match[1])) ?? {};
    row[match[2]!] = value;
    found.set(Number(match[1]), row);
  }
  return new Map([...found].sort(([a], [b]) => a - b));
}

const blank = (row: Row, fields: string[]) => fields.every((field) => !(row[field] ?? '').trim());

function valueChainOf(form: FormData): PlanFormValues['valueChain'] {
  const goals: PlanFormValues['valueChain'] = [];
  for (const [g, goal] of rows(form, 'valueChain')) {
    const approaches = [...rows(form, `valueChain.${g}.approaches`).values()]
      .filter((approach) => !blank(approach, ['code', 'nameTh', 'nameEn']))
      .map((approach) => ({ code: approach.code ?? '', nameTh: approach.nameTh ?? '', nameEn: approach.nameEn ?? '' }));
    if (approaches.length === 0 && blank(goal, ['nameTh', 'nameEn'])) continue;
    goals.push({ number: whole(goal.number ?? ''), stream: goal.stream ?? '', nameTh: goal.nameTh ?? '', nameEn: goal.nameEn ?? '', approaches });
  }
  return goals;
}

/** The plan as the form states it; `reason` only where the form has the box (editing). */
export function planFromForm(form: FormData): PlanFormValues {
  return {
    titleTh: textOf(form.get('titleTh')),
    titleEn: textOf(form.get('titleEn')),
    fiscalYearBE: whole(form.get('fiscalYearBE')),
    hostAgencyTh: textOf(form.get('hostAgencyTh')),
    hostAgencyEn: textOf(form.get('hostAgencyEn')),
    frameMillionBaht: textOf(form.get('frameMillionBaht')),
    hardCap: form.get('hardCap') === 'on',
    allowAboveRequest: form.get('allowAboveRequest') === 'on',
    ...(form.has('reason') ? { reason: textOf(form.get('reason')) } : {}),
    valueChain: valueChainOf(form),
  };
}
