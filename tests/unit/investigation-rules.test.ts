import { describe, expect, it } from 'vitest';
import { keyPrincipal } from '../../src/auth/authenticate.js';
import { checkName, checkNotes, checkView, INVESTIGATION_LIMITS, readFile, toFile } from '../../src/model/investigation-rules.js';
import { newInvestigationId } from '../../src/repositories/investigation-repository.js';

// The limits of saved investigations at their edges (docs/investigations.md), without a database.

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
  return undefined;
};

/** A view whose JSON is exactly `bytes` long. */
function viewOfBytes(bytes: number): { explorer: string; padding: string } {
  const empty = JSON.stringify({ explorer: '?e=a', padding: '' }).length;
  return { explorer: '?e=a', padding: 'p'.repeat(bytes - empty) };
}

describe('investigation rules', () => {
  it('count a name in Unicode code points, not in UTF-16 units', () => {
    // 50 satellites with their variation selector: 100 code points, 150 UTF-16 units.
    expect(checkName('🛰️'.repeat(50))).toHaveLength(150);
    expect(checkName('📡'.repeat(INVESTIGATION_LIMITS.nameChars))).toBe('📡'.repeat(200));
    expect(refusal(() => checkName('📡'.repeat(201)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('accept a view of exactly 256 KB and refuse one byte more', () => {
    expect(checkView(viewOfBytes(INVESTIGATION_LIMITS.viewBytes)).json).toHaveLength(262_144);
    expect(refusal(() => checkView(viewOfBytes(INVESTIGATION_LIMITS.viewBytes + 1)))).toMatchObject({ field: 'view' });
    // Bytes, not characters: 100,000 three-byte characters are 300 KB.
    expect(refusal(() => checkView({ explorer: '?', note: '€'.repeat(100_000) }))).toMatchObject({ field: 'view' });
  });

  it('keep notes as written, line breaks and direction marks included, up to 20,000 characters', () => {
    const notes = 'Line one\n\tLine two \u200F(RTL mark)';
    expect(checkNotes(notes)).toBe(notes);
    expect(checkNotes(undefined)).toBe('');
    expect(checkNotes('n'.repeat(20_000))).toHaveLength(20_000);
    expect(refusal(() => checkNotes('n'.repeat(20_001)))).toMatchObject({ field: 'notes' });
    expect(refusal(() => checkNotes('nul \u0000'))).toMatchObject({ field: 'notes' });
  });

  it('take back what they export, and name a wrong file by its format before anything else', () => {
    const file = toFile({ name: 'Round trip', notes: 'n', view: { explorer: '?e=russia', extra: [1, 2] } }, new Date('2026-12-02T00:00:00Z'));
    expect(file).toEqual({
      format: 'newsgraph.investigation',
      version: 1,
      name: 'Round trip',
      notes: 'n',
      view: { explorer: '?e=russia', extra: [1, 2] },
      exportedAt: '2026-12-02T00:00:00.000Z',
    });
    expect(readFile(JSON.parse(JSON.stringify(file)))).toMatchObject({ name: 'Round trip', notes: 'n', view: file.view });
    expect(refusal(() => readFile({ entities: [], relations: [] }))).toMatchObject({ field: 'file.format' });
    expect(refusal(() => readFile({ ...file, version: '1' }))).toMatchObject({ field: 'file.version' });
    expect(refusal(() => readFile({ ...file, notes: 42 }))).toMatchObject({ field: 'file.notes' });
  });

  it('make ids that sort newest first even within one millisecond', () => {
    const ids = Array.from({ length: 5 }, () => newInvestigationId(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(5);
  });

  it('name a key by a digest prefix that does not contain the key', () => {
    const principal = keyPrincipal('test-editor-key-0123456789');
    expect(principal).toMatch(/^key:[0-9a-f]{16}$/);
    expect(principal).toBe(keyPrincipal('test-editor-key-0123456789'));
    expect(principal).not.toBe(keyPrincipal('test-editor-key-0123456788'));
  });
});
