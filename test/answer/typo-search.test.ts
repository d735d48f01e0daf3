import { describe, expect, it } from 'vitest';
import { loadTypoSearch, typoSearch, typoSearchSettled } from '../../src/answer/typo-search.js';

describe('answer/typo-search', () => {
  it('says plainly when the typo search was never loaded, and gives fuse.js once it is', async () => {
    expect(typoSearchSettled()).toBe(false);
    expect(() => typoSearch()).toThrow('typo search is not loaded: await loadTypoSearch() before matching');
    await loadTypoSearch();
    expect(typoSearchSettled()).toBe(true);
    const Fuse = typoSearch();
    expect(Fuse).not.toBeNull();
    expect(new Fuse!(['epidural'], { includeScore: true }).search('epidrual')[0]?.item).toBe('epidural');
  });
});
