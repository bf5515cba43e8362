// The interface's words: every key in both languages, none defined twice (a key spread from two groups silently
// takes the later one, as `reason` once did), and English that is English.
import { describe, expect, it } from 'vitest';
import { MESSAGE_GROUPS, MESSAGES } from '../../web/lib/i18n/messages.ts';
import { ROLE_LABELS } from '../../server/shared/roles.ts';
import { CEILING_HISTORY_KIND_LABELS, INTEGRATION_LABELS, STREAM_LABELS } from '../../server/shared/board.ts';
import { ERROR_MESSAGES } from '../../server/shared/errors.ts';
import { RESOLUTION_OUTCOME_LABELS, RESOLUTION_STATUS_LABELS } from '../../server/shared/events/resolution.ts';

const THAI = /[\u0E00-\u0E7F]/;
/** The language switch names the other language in that language. */
const SHOWN_IN_THE_OTHER_LANGUAGE = new Set(['language']);

describe('the message tables', () => {
  it('defines each key in one group only', () => {
    const owners = new Map<string, string[]>();
    for (const [group, messages] of Object.entries(MESSAGE_GROUPS)) {
      for (const key of Object.keys(messages)) owners.set(key, [...(owners.get(key) ?? []), group]);
    }
    const twice = [...owners].filter(([, groups]) => groups.length > 1).map(([key, groups]) => `${key}: ${groups.join(', ')}`);
    expect(twice).toEqual([]);
    expect(Object.keys(MESSAGES)).toHaveLength(owners.size);
  });

  it('has every message in Thai and in English, and no Thai in the English', () => {
    const tables: Record<string, Record<string, { th: string; en: string }>> = {
      MESSAGES,
      ROLE_LABELS,
      STREAM_LABELS,
      INTEGRATION_LABELS,
      CEILING_HISTORY_KIND_LABELS,
      RESOLUTION_OUTCOME_LABELS,
      RESOLUTION_STATUS_LABELS,
      ERROR_MESSAGES: Object.fromEntries(Object.entries(ERROR_MESSAGES).map(([key, m]) => [key, { th: m.th, en: m.en }])),
    };
    const problems: string[] = [];
    for (const [table, entries] of Object.entries(tables)) {
      for (const [key, text] of Object.entries(entries)) {
        if (typeof text.th !== 'string' || !text.th.trim()) problems.push(`${table}.${key}: no Thai`);
        if (typeof text.en !== 'string' || !text.en.trim()) problems.push(`${table}.${key}: no English`);
        if (!SHOWN_IN_THE_OTHER_LANGUAGE.has(key) && THAI.test(text.en)) problems.push(`${table}.${key}: Thai in the English "${text.en}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});
