import { describe, expect, it } from 'vitest';
import { acceptedBundle } from '../../explorer/src/review/accepted-bundle.js';
import { Review } from '../../explorer/src/review/decisions.js';
import type { DraftBundle, DraftReport } from '../../explorer/src/review/types.js';
import { validateBundle } from '../../src/model/validate-bundle.js';

// The review page's bundle: only what the analyst accepted, corrections applied, every report
// marked reviewed, and always a bundle the project's own validator takes.

const TEXT = 'Colonel Ana Silva of the Northern Fleet led Exercise Blue Shield in Lisbon, said spokesman Rui Costa.';

function report(id: string, subject: DraftReport['subject'], quote: string, extra: Partial<DraftReport> = {}): DraftReport {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(quote))).length;
  return {
    id,
    subject,
    source: 'wire',
    quote,
    start,
    end: start + Array.from(quote).length,
    method: 'extracted',
    rule: 'test:rule',
    confidence: 0.7,
    ...extra,
  };
}

function draft(): DraftBundle {
  return {
    format: 'newsgraph.bundle',
    version: 1,
    document: { id: 'doc-review', text: TEXT, publishedAt: '2024-05-04' },
    sources: [
      { id: 'wire', name: 'Wire', kind: 'outlet' },
      { id: 'rui-costa-official', name: 'Rui Costa', kind: 'official', entity: 'rui-costa' },
    ],
    entities: [
      { id: 'ana-silva', type: 'PERSON', name: 'Ana Silva', aliases: [] },
      { id: 'northern-fleet', type: 'ORGANIZATION', name: 'Northern Fleet', aliases: [] },
      { id: 'exercise-blue-shield', type: 'EVENT', name: 'Exercise Blue Shield', aliases: [] },
      { id: 'lisbon', type: 'LOCATION', name: 'Lisbon', aliases: [] },
      { id: 'rui-costa', type: 'PERSON', name: 'Rui Costa', aliases: [] },
    ],
    relations: [
      { id: 'ana-silva-commands-northern-fleet', type: 'COMMANDS', from: 'ana-silva', to: 'northern-fleet', role: 'colonel' },
      { id: 'ana-silva-commands-exercise-blue-shield', type: 'COMMANDS', from: 'ana-silva', to: 'exercise-blue-shield' },
      { id: 'exercise-blue-shield-located-in-lisbon', type: 'LOCATED_IN', from: 'exercise-blue-shield', to: 'lisbon' },
    ],
    reports: [
      report('r-ana', { entity: 'ana-silva' }, 'Colonel Ana Silva'),
      report('r-rui', { entity: 'rui-costa' }, 'spokesman Rui Costa'),
      report('r-fleet', { relation: 'ana-silva-commands-northern-fleet' }, 'Colonel Ana Silva of the Northern Fleet'),
      report('r-led', { relation: 'ana-silva-commands-exercise-blue-shield' }, 'Ana Silva of the Northern Fleet led Exercise Blue Shield', {
        source: 'rui-costa-official',
        attributedTo: 'rui-costa',
      }),
      report('r-in', { relation: 'exercise-blue-shield-located-in-lisbon' }, 'Exercise Blue Shield in Lisbon'),
    ],
  };
}

describe('the bundle of a reviewed draft', () => {
  it('is empty of entities, relations and reports until something is accepted', () => {
    const bundle = acceptedBundle(new Review(draft()));
    expect([bundle.entities, bundle.relations, bundle.reports, bundle.sources]).toEqual([[], [], [], []]);
  });

  it('keeps what was accepted, with corrections, and marks every report reviewed', () => {
    const review = new Review(draft());
    review.setRelation('exercise-blue-shield-located-in-lisbon', 'rejected');
    review.correct('ana-silva-commands-northern-fleet', { type: 'MEMBER_OF', role: ' fleet colonel ' });
    review.acceptUndecided();
    const bundle = validateBundle(acceptedBundle(review));

    expect(bundle.relations.map((relation) => [relation.id, relation.type, relation.role])).toEqual([
      ['ana-silva-member-of-northern-fleet', 'MEMBER_OF', 'fleet colonel'],
      ['ana-silva-commands-exercise-blue-shield', 'COMMANDS', undefined],
    ]);
    // The corrected relation keeps its quote under its new id; the rejected one's report is gone.
    expect(bundle.reports.find((kept) => kept.id === 'r-fleet')?.subject).toEqual({ relation: 'ana-silva-member-of-northern-fleet' });
    expect(bundle.reports.map((kept) => kept.id)).toEqual(['r-ana', 'r-rui', 'r-fleet', 'r-led']);
    for (const kept of bundle.reports) expect([kept.method, kept.rule, kept.confidence]).toEqual(['reviewed', 'test:rule', 0.7]);
    expect(bundle.entities).toHaveLength(5);
    expect(bundle.sources.map((source) => source.id)).toEqual(['wire', 'rui-costa-official']);
  });

  it('drops a rejected entity with its relations, its reports, and every reference to it', () => {
    const review = new Review(draft());
    review.acceptUndecided();
    review.setEntity('rui-costa', 'rejected');
    review.setEntity('lisbon', 'rejected');
    expect(review.relationDecision('exercise-blue-shield-located-in-lisbon')).toBe('rejected');
    const bundle = validateBundle(acceptedBundle(review));

    expect(bundle.entities.map((entity) => entity.id)).toEqual(['ana-silva', 'northern-fleet', 'exercise-blue-shield']);
    expect(bundle.relations.map((relation) => relation.id)).toEqual(['ana-silva-commands-northern-fleet', 'ana-silva-commands-exercise-blue-shield']);
    const led = bundle.reports.find((kept) => kept.id === 'r-led')!;
    expect(led.attributedTo).toBeUndefined();
    expect(bundle.sources.find((source) => source.id === 'rui-costa-official')).toEqual({ id: 'rui-costa-official', name: 'Rui Costa', kind: 'official' });
  });

  it('refuses to accept a relation whose corrected ends break the model, and takes back an acceptance that a correction breaks', () => {
    const review = new Review(draft());
    review.correct('exercise-blue-shield-located-in-lisbon', { type: 'COMMANDS' });
    expect(review.setRelation('exercise-blue-shield-located-in-lisbon', 'accepted')).toBe('COMMANDS must start at person.');
    expect(review.relationDecision('exercise-blue-shield-located-in-lisbon')).toBe('undecided');

    expect(review.setRelation('ana-silva-commands-northern-fleet', 'accepted')).toBeNull();
    expect([review.entityDecision('ana-silva'), review.entityDecision('northern-fleet')]).toEqual(['accepted', 'accepted']);
    review.correct('ana-silva-commands-northern-fleet', { to: 'ana-silva' });
    expect(review.relationDecision('ana-silva-commands-northern-fleet')).toBe('undecided');
    expect(review.relationProblem('ana-silva-commands-northern-fleet')).toBe('A relation must join two different entities.');
  });

  it('joins a corrected relation to the one it now repeats, with both quotes', () => {
    const review = new Review(draft());
    review.correct('ana-silva-commands-exercise-blue-shield', { type: 'PARTICIPATES_IN' });
    review.correct('exercise-blue-shield-located-in-lisbon', { type: 'PARTICIPATES_IN', from: 'ana-silva', to: 'exercise-blue-shield', role: 'leader' });
    review.acceptUndecided();
    const bundle = validateBundle(acceptedBundle(review));
    expect(bundle.relations.map((relation) => [relation.id, relation.role])).toEqual([
      ['ana-silva-commands-northern-fleet', 'colonel'],
      ['ana-silva-participates-in-exercise-blue-shield', 'leader'],
    ]);
    const quotes = bundle.reports.filter((kept) => 'relation' in kept.subject && kept.subject.relation === 'ana-silva-participates-in-exercise-blue-shield');
    expect(quotes.map((kept) => kept.id)).toEqual(['r-led', 'r-in']);
  });
});
