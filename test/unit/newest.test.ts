import { describe, expect, it } from 'vitest';
import { newestOfEach } from '#core/newest';

describe('newestOfEach: a record read under two statuses while it moved between them', () => {
  it('keeps it once, in its newest version, in first-seen order', () => {
    const rows = [
      { id: 'a', version: 1, status: 'published' },
      { id: 'b', version: 3, status: 'published' },
      { id: 'a', version: 2, status: 'matched' },
    ];
    expect(newestOfEach(rows)).toEqual([
      { id: 'a', version: 2, status: 'matched' },
      { id: 'b', version: 3, status: 'published' },
    ]);
    expect(newestOfEach([...rows].reverse()).map((r) => `${r.id}${r.version}`)).toEqual(['a2', 'b3']);
  });
});
