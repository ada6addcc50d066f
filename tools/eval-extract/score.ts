import type { Bundle, BundleEntity, BundleReport } from '../../src/model/bundle-schema.js';
import { nameKeys } from '../../src/model/names.js';

/**
 * Scoring an extracted draft against a hand-annotated gold bundle: pure
 * functions, no I/O. Every metric is defined in docs/extraction.md
 * (## Evaluation); the scorer is the reference for those definitions.
 */

export interface Counts {
  /** Predicted items that are in the gold set. */
  correct: number;
  predicted: number;
  gold: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** Nothing predicted is perfectly precise and nothing to find is perfectly recalled; F1 is 0 unless something is right. */
export function prf(counts: Counts): Prf {
  const precision = counts.predicted === 0 ? 1 : counts.correct / counts.predicted;
  const recall = counts.gold === 0 ? 1 : counts.correct / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { correct: a.correct + b.correct, predicted: a.predicted + b.predicted, gold: a.gold + b.gold };
}

/** Predicted entity id to gold entity id, one to one. */
export type EntityMatching = Map<string, string>;

/** How strongly two entities' names meet: 3 name to name, 2 a name to an alias, 1 alias to alias, 0 not at all. */
function nameAffinity(predicted: BundleEntity, gold: BundleEntity): number {
  if (predicted.type !== gold.type) return 0;
  const key = (name: string) => nameKeys(predicted.type, [name])[0];
  const predictedName = key(predicted.name);
  const goldName = key(gold.name);
  const goldAliases = new Set(nameKeys(gold.type, gold.aliases));
  const predictedAliases = new Set(nameKeys(predicted.type, predicted.aliases));
  if (predictedName !== undefined && predictedName === goldName) return 3;
  if ((predictedName !== undefined && goldAliases.has(predictedName)) || (goldName !== undefined && predictedAliases.has(goldName))) return 2;
  for (const alias of predictedAliases) if (goldAliases.has(alias)) return 1;
  return 0;
}

/**
 * Matches predicted entities to gold ones as ingest resolution would (same
 * type, a shared normalized name or alias), one to one, as many pairs as
 * possible: a maximum bipartite matching by augmenting paths, each entity
 * trying its strongest name matches first so that ties go to the closer name.
 */
export function matchEntities(predicted: readonly BundleEntity[], gold: readonly BundleEntity[]): EntityMatching {
  const candidates = predicted.map((entity) =>
    gold
      .map((goldEntity, index) => ({ index, affinity: nameAffinity(entity, goldEntity) }))
      .filter((candidate) => candidate.affinity > 0)
      .sort((a, b) => b.affinity - a.affinity || a.index - b.index)
      .map((candidate) => candidate.index),
  );
  const ownerOfGold = new Map<number, number>();
  const tryAssign = (p: number, visited: Set<number>): boolean => {
    for (const g of candidates[p]!) {
      if (visited.has(g)) continue;
      visited.add(g);
      const owner = ownerOfGold.get(g);
      if (owner === undefined || tryAssign(owner, visited)) {
        ownerOfGold.set(g, p);
        return true;
      }
    }
    return false;
  };
  predicted.forEach((_, p) => tryAssign(p, new Set()));
  const matching: EntityMatching = new Map();
  for (const [g, p] of ownerOfGold) matching.set(predicted[p]!.id, gold[g]!.id);
  return matching;
}

/** A predicted entity's id in gold terms: its gold match, or a marker no gold id can equal. */
export function mappedId(matching: EntityMatching, predictedId: string): string {
  return matching.get(predictedId) ?? `?${predictedId}`;
}

export function relationKey(type: string, from: string, to: string): string {
  return `${type} ${from} ${to}`;
}

/** Distinct (type, from, to) of a bundle's relations, endpoints passed through `map`. */
export function relationKeys(bundle: Pick<Bundle, 'relations'>, map: (id: string) => string = (id) => id): Set<string> {
  return new Set(bundle.relations.map((relation) => relationKey(relation.type, map(relation.from), map(relation.to))));
}

/** A report's subject in gold terms: `E <id>` for an entity, `R <type> <from> <to>` for a relation. */
function subjectKey(bundle: Pick<Bundle, 'relations'>, report: BundleReport, map: (id: string) => string): string | undefined {
  if ('entity' in report.subject) return `E ${map(report.subject.entity)}`;
  const relationId = report.subject.relation;
  const relation = bundle.relations.find((candidate) => candidate.id === relationId);
  return relation ? `R ${relationKey(relation.type, map(relation.from), map(relation.to))}` : undefined;
}

/** Distinct (subject, attributedTo) pairs of a bundle's reports, entity ids passed through `map`. */
export function attributionKeys(bundle: Pick<Bundle, 'relations' | 'reports'>, map: (id: string) => string = (id) => id): Set<string> {
  const keys = new Set<string>();
  for (const report of bundle.reports) {
    if (!report.attributedTo) continue;
    const subject = subjectKey(bundle, report, map);
    if (subject) keys.add(`${subject} <- ${map(report.attributedTo)}`);
  }
  return keys;
}

export function compareSets(predicted: ReadonlySet<string>, gold: ReadonlySet<string>): Prf & { missed: string[]; spurious: string[] } {
  const missed = [...gold].filter((key) => !predicted.has(key));
  const spurious = [...predicted].filter((key) => !gold.has(key));
  return { ...prf({ correct: predicted.size - spurious.length, predicted: predicted.size, gold: gold.size }), missed, spurious };
}

/** The reports whose quote is not the document text at their code-point offsets. */
export function inexactQuotes(bundle: Pick<Bundle, 'document' | 'reports'>): BundleReport[] {
  const codePoints = Array.from(bundle.document.text);
  return bundle.reports.filter((report) => codePoints.slice(report.start, report.end).join('') !== report.quote || report.end < report.start);
}
