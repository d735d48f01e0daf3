import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compileKnowledgeDir, knowledgeFileText } from '../../src/cli/files.js';
import { MAX_KNOWLEDGE_BYTES, parseBundleText } from '../../src/knowledge/load.js';

describe('the knowledge file\'s content hash', () => {
  const { bundle } = compileKnowledgeDir('test/fixtures/knowledge-small');
  it('is the SHA-256 of everything else in the file, and the file still loads', () => {
    const text = knowledgeFileText(bundle!);
    const { hash, ...rest } = JSON.parse(text) as { hash: string };
    expect(hash).toBe(`sha256-${createHash('sha256').update(JSON.stringify(rest)).digest('base64')}`);
    expect(parseBundleText(text).entries.map((e) => e.id)).toEqual(bundle!.entries.map((e) => e.id));
  });

  it('changes when the knowledge changes, and only then', () => {
    const hashOf = (text: string) => (JSON.parse(text) as { hash: string }).hash;
    expect(hashOf(knowledgeFileText(bundle!))).toBe(hashOf(knowledgeFileText(compileKnowledgeDir('test/fixtures/knowledge-small').bundle!)));
    const changed = { ...bundle!, entries: bundle!.entries.map((e, i) => (i === 0 ? { ...e, title: `${e.title}!` } : e)) };
    expect(hashOf(knowledgeFileText(changed))).not.toBe(hashOf(knowledgeFileText(bundle!)));
  });
});

describe('the knowledge size limit', () => {
  it('refuses a file over MAX_KNOWLEDGE_BYTES before parsing it, saying how big it is and what to do', () => {
    expect(() => parseBundleText(' '.repeat(MAX_KNOWLEDGE_BYTES + 1))).toThrow(/is 20\.0 MB, over the 20\.0 MB the chat reads; split the knowledge/);
    expect(() => parseBundleText(' '.repeat(MAX_KNOWLEDGE_BYTES + 1))).toThrow(expect.objectContaining({ code: 'knowledge-too-large' }));
  });
});
