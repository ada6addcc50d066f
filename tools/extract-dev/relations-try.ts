/** Prints what the relation rules find in the unit-test fixtures, with the entities the tests build. */
import { extractRelations } from '../../src/extract/relations/index.js';
import type { MentionKind } from '../../src/extract/types.js';
import type { EntityType } from '../../src/model/types.js';
import { describe, entity, loadRelationFixture } from '../../tests/helpers/relation-fixtures.js';

type Spec = [EntityType, string, ...string[]];
const nominal = (phrases: string[]) => phrases.map((phrase) => ({ phrase, kind: 'nominal' as MentionKind }));
const spec: Record<string, Spec[]> = {
  'relations-member-of': [
    ['PERSON', 'Maria Lopez'],
    ['ORGANIZATION', 'Foreign Ministry'],
    ['PERSON', 'Ivan Petrov'],
    ['ORGANIZATION', 'Southern Military District'],
    ['ORGANIZATION', 'Indian Army'],
    ['PERSON', 'Rakesh Singh'],
    ['ORGANIZATION', 'Nordic Council'],
    ['COUNTRY', 'Norway'],
    ['COUNTRY', 'Denmark'],
    ['COUNTRY', 'Finland'],
    ['ORGANIZATION', 'NATO'],
    ['PERSON', 'John Smith'],
    ['ORGANIZATION', 'Interior Ministry'],
    ['LOCATION', 'Rome'],
    ['LOCATION', 'Oslo'],
    ['LOCATION', 'Rostov'],
  ],
  'relations-commands': [
    ['PERSON', 'Mark Hale'],
    ['ORGANIZATION', 'Pacific Fleet'],
    ['ORGANIZATION', 'Eastern Brigade'],
    ['PERSON', 'Anna Berg'],
    ['PERSON', 'Chen Wei'],
    ['ORGANIZATION', 'Northern Fleet'],
    ['PERSON', 'Luis Ruiz'],
    ['EVENT', 'Operation Desert Shield'],
    ['LOCATION', 'Manila'],
  ],
  'relations-participates': [
    ['COUNTRY', 'Kenya'],
    ['COUNTRY', 'Uganda'],
    ['EVENT', 'Lake Guard'],
    ['COUNTRY', 'Germany'],
    ['EVENT', 'Northern Coast', 'the drill'],
    ['EVENT', 'Talks between Armenia and Azerbaijan'],
    ['EVENT', 'Turkish-Iranian discussions', 'discussions'],
    ['COUNTRY', 'Armenia'],
    ['COUNTRY', 'Azerbaijan'],
    ['LOCATION', 'Geneva'],
    ['COUNTRY', 'Turkey'],
    ['COUNTRY', 'Iran'],
    ['COUNTRY', 'France'],
    ['COUNTRY', 'Italy'],
    ['COUNTRY', 'Spain'],
  ],
  'relations-located-in': [
    ['EVENT', 'Summit', 'The summit'],
    ['EVENT', 'Narva drills', 'The drills'],
    ['LOCATION', 'Geneva'],
    ['LOCATION', 'Narva'],
    ['COUNTRY', 'Estonia'],
    ['LOCATION', 'Orzysz base', 'a base'],
    ['LOCATION', 'Orzysz'],
    ['COUNTRY', 'Poland'],
    ['LOCATION', 'Kupang'],
    ['LOCATION', 'East Nusa Tenggara'],
    ['LOCATION', 'Berlin'],
    ['LOCATION', 'Paris'],
  ],
};
for (const [name, specs] of Object.entries(spec)) {
  const fixture = loadRelationFixture(name);
  const entities = specs.map(([type, main, ...extra]) => entity(fixture, type, main, nominal(extra)));
  console.log('#', name);
  for (const relation of extractRelations(fixture.doc, entities, fixture.article)) {
    console.log(
      '  ',
      describe([relation])[0],
      `[${relation.rule}]`,
      `«${fixture.article.text.slice(relation.evidence.start, relation.evidence.end)}»`,
      relation.startDate ?? '',
    );
  }
}
