import { describe, expect, it } from 'vitest';
import { BULK_RESOLUTION_MAX, bulkSelection } from '../../server/domain/resolution-bulk.ts';
import { BoardError } from '../../server/shared/errors.ts';

const refusal = (ids: string[]) => {
  try {
    bulkSelection(ids);
  } catch (error) {
    return error instanceof BoardError ? error.code : String(error);
  }
  return 'accepted';
};

describe('a bulk selection', () => {
  it('names each once, in the order given', () => {
    expect(bulkSelection(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
  });
  it('is refused when empty', () => {
    expect(refusal([])).toBe('resolution_selection_empty');
  });
  it('takes up to the bound and refuses one more, counting repeats once', () => {
    const ids = Array.from({ length: BULK_RESOLUTION_MAX }, (_, i) => `p${i}`);
    expect(bulkSelection([...ids, ...ids])).toHaveLength(BULK_RESOLUTION_MAX);
    expect(refusal([...ids, 'one more'])).toBe('resolution_selection_too_large');
  });
});
