import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { parseJsonAs } from './parseJson';

const schema = z.object({ v: z.literal(1), months: z.array(z.string()) });

describe('parseJsonAs', () => {
  it('returns the value when the text is JSON of the schema', () => {
    expect(parseJsonAs(schema, '{"v":1,"months":["2025-03"]}')).toEqual({ v: 1, months: ['2025-03'] });
  });

  it.each(['', '{', 'not json', '{"v":2,"months":[]}', '[1,2]', 'null'])('returns null for %j', (text) => {
    expect(parseJsonAs(schema, text)).toBeNull();
  });
});
