import type { BundleEntity, BundleSource, NdjsonReport } from '../../src/model/bundle-schema.js';
import { ENTITY_TYPES, type EntityType } from '../../src/model/types.js';
import { dayFromEpoch } from './dates.js';
import { buildEntity, entityId, entityTypeCounts, planEntityTypes } from './entities.js';
import { NameBook } from './names.js';
import { EntityPools } from './pools.js';
import { Random } from './random.js';
import { documentLine, entityLine, headerLine, relationLine, reportLine, sourceLine, type GeneratedLine } from './records.js';
import { RelationPlanner, type PlannedRelation } from './relations.js';
import { attributed, entitySentence, relationSentence, TextBuilder } from './sentences.js';
import { SourceRegistry } from './sources.js';
import { FollowUps } from './follow-ups.js';

export interface GenerateOptions {
  entities: number;
  seed: number;
  /**
   * Later reports of earlier facts by other sources (follow-ups.ts), so facts
   * have one, two or more independent sources. Off by default: the stream is
   * then the same, byte for byte, as before follow-ups existed.
   */
  followUps?: boolean;
}

/** One document introduces this many entities, and reports them and their relations. */
export const ENTITIES_PER_DOCUMENT = 50;
const ATTRIBUTED_SHARE = 0.12;
const OTHER_SOURCE_SHARE = 0.2;
const REPORTED_AT_SHARE = 0.2;

/**
 * The synthetic stream, one line at a time: the header, then per document
 * its new sources, new entities, their relations and the reports on all of
 * them. Every record refers only to records before it, so any prefix of the
 * stream is itself a valid stream. Only per-document records and a few
 * bytes per entity are held in memory.
 */
export function* generateStream({ entities: total, seed, followUps: withFollowUps = false }: GenerateOptions): Generator<GeneratedLine> {
  const random = new Random(seed);
  const names = new NameBook(seed, total);
  const types = planEntityTypes(total, random);
  const pools = new EntityPools(entityTypeCounts(total));
  const sources = new SourceRegistry(seed);
  const idOf = (index: number, type: EntityType) => entityId(names, index, type);
  const planner = new RelationPlanner(pools, random, idOf);
  const typeOf = (index: number): EntityType => ENTITY_TYPES[types[index]!]!;
  const followUps = withFollowUps ? new FollowUps(seed, Math.ceil(total / ENTITIES_PER_DOCUMENT), pools, (index, type) => names.name(index, type), idOf) : null;

  yield headerLine();
  for (let first = 0, documentIndex = 0; first < total; first += ENTITIES_PER_DOCUMENT, documentIndex++) {
    const last = Math.min(total, first + ENTITIES_PER_DOCUMENT);
    const documentId = `doc-${documentIndex + 1}`;
    const publishedAt = dayFromEpoch(Math.floor(documentIndex / 3));

    // Sources first: an official names a PERSON from an earlier document.
    const pickPerson = () => {
      if (pools.size('PERSON') === 0) return undefined;
      const person = pools.uniform('PERSON', random);
      return { id: idOf(person, 'PERSON'), name: names.name(person, 'PERSON') };
    };
    const newSources: BundleSource[] = [...sources.introduceGeneral(documentIndex), ...sources.introduceOfficial(documentIndex, pickPerson)];

    const entities: BundleEntity[] = [];
    for (let index = first; index < last; index++) {
      entities.push(buildEntity(names, index, typeOf(index), random));
      pools.add(typeOf(index), index);
    }

    // Relations are planned once the document's entities are in the pools, so they may link to each other.
    const taken = new Set<string>();
    const relationsByEntity = entities.map((_, offset) => {
      const planned: PlannedRelation[] = [];
      for (let n = planner.drawCount(); n > 0; n--) {
        const relation = planner.plan(first + offset, typeOf(first + offset), taken);
        if (relation) planned.push(relation);
      }
      return planned;
    });

    const text = new TextBuilder();
    const reports: NdjsonReport[] = [];
    const desk = sources.pickGeneral(random);
    // `rng` draws the speaker, then (through `otherSource`) the source, then the date, in that order: the stream depends on it.
    const reportWith = (rng: typeof random, otherSource: () => string, subject: NdjsonReport['subject'], sentence: string) => {
      const speaker = rng.chance(ATTRIBUTED_SHARE) ? sources.pickOfficial(rng) : undefined;
      const quote = speaker ? attributed(sentence, speaker.personName) : sentence;
      const { start, end } = text.append(quote);
      reports.push({
        document: documentId,
        id: `r${reports.length + 1}`,
        subject,
        source: speaker ? speaker.id : otherSource(),
        quote,
        start,
        end,
        ...(rng.chance(REPORTED_AT_SHARE) ? { reportedAt: publishedAt } : {}),
        ...(speaker ? { attributedTo: speaker.personId } : {}),
      });
    };
    const report = (subject: NdjsonReport['subject'], sentence: string) =>
      reportWith(random, () => (random.chance(OTHER_SOURCE_SHARE) ? sources.pickGeneral(random) : desk), subject, sentence);
    entities.forEach((entity, offset) => {
      report({ entity: entity.id }, entitySentence(entity, random));
      for (const { relation, toIndex, toType } of relationsByEntity[offset]!) {
        report({ relation: relation.id }, relationSentence(relation, entity.name, names.name(toIndex, toType), random));
      }
    });
    if (followUps) {
      // Drawn from the follow-ups' own Random, after everything above: the rest of the stream does not change.
      const later = followUps.random;
      for (const { subject, sentence } of followUps.take(documentIndex)) reportWith(later, () => sources.pickGeneral(later), subject, sentence);
      entities.forEach((entity, offset) => {
        followUps.schedule(documentIndex, { kind: 'entity', index: first + offset, type: typeOf(first + offset) });
        for (const { relation, fromIndex, toIndex, toType } of relationsByEntity[offset]!) {
          followUps.schedule(documentIndex, {
            kind: 'relation',
            relation: { id: relation.id, type: relation.type, role: relation.role },
            fromIndex,
            fromType: typeOf(fromIndex),
            toIndex,
            toType,
          });
        }
      });
    }

    yield documentLine({ id: documentId, title: `Briefing ${documentIndex + 1}: ${entities[0]!.name}`, publishedAt, text: text.text() });
    for (const source of newSources) yield sourceLine(source);
    for (const entity of entities) yield entityLine(entity);
    for (const planned of relationsByEntity) for (const { relation } of planned) yield relationLine(relation);
    for (const line of reports) yield reportLine(line);
  }
}
