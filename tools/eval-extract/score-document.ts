import type { Bundle } from '../../src/model/bundle-schema.js';
import { normalizeName } from '../../src/model/names.js';
import { BundleValidationError, validateBundle } from '../../src/model/validate-bundle.js';
import { attributionKeys, compareSets, inexactQuotes, mappedId, matchEntities, prf, relationKeys, type Prf } from './score.js';

/** One draft scored against its gold bundle, with what it missed and what it made up, in readable names. */
export interface DocumentScore {
  entities: Prf;
  relations: Prf;
  attributions: Prf;
  outlets: Prf;
  quotes: { exact: number; total: number };
  valid: boolean;
  validationIssues: string[];
  misses: {
    entities: { missed: string[]; spurious: string[] };
    relations: { missed: string[]; spurious: string[] };
    attributions: { missed: string[]; spurious: string[] };
    outlets: { missed: string[]; spurious: string[] };
    inexactQuotes: string[];
  };
}

export function scoreDraft(draft: Bundle, gold: Bundle): DocumentScore {
  const matching = matchEntities(draft.entities, gold.entities);
  const map = (id: string) => mappedId(matching, id);
  const names = new Map<string, string>();
  for (const entity of gold.entities) names.set(entity.id, entity.name);
  for (const entity of draft.entities) if (!matching.has(entity.id)) names.set(map(entity.id), `?${entity.name}`);
  const readable = (key: string) => describeKey(key, (id) => names.get(id) ?? id);

  const matchedGold = new Set(matching.values());
  const entities = prf({ correct: matching.size, predicted: draft.entities.length, gold: gold.entities.length });
  const relations = compareSets(relationKeys(draft, map), relationKeys(gold));
  const attributions = compareSets(attributionKeys(draft, map), attributionKeys(gold));
  const outlets = compareSets(outletKeys(draft, map), outletKeys(gold));
  const inexact = inexactQuotes(draft);
  const issues = validationIssues(draft);
  return {
    entities,
    relations: withoutLists(relations),
    attributions: withoutLists(attributions),
    outlets: withoutLists(outlets),
    quotes: { exact: draft.reports.length - inexact.length, total: draft.reports.length },
    valid: issues.length === 0,
    validationIssues: issues,
    misses: {
      entities: {
        missed: gold.entities.filter((entity) => !matchedGold.has(entity.id)).map((entity) => `${entity.type} ${entity.name}`),
        spurious: draft.entities.filter((entity) => !matching.has(entity.id)).map((entity) => `${entity.type} ${entity.name}`),
      },
      relations: { missed: relations.missed.map(readable), spurious: relations.spurious.map(readable) },
      attributions: { missed: attributions.missed.map(readable), spurious: attributions.spurious.map(readable) },
      outlets: { missed: outlets.missed.map(readable), spurious: outlets.spurious.map(readable) },
      inexactQuotes: inexact.map((report) => `${report.id} [${report.start}, ${report.end}) ${JSON.stringify(report.quote.slice(0, 60))}`),
    },
  };
}

/** Distinct (subject, outlet) pairs: the reports whose source is an outlet the text names, by the outlet's normalized name. */
export function outletKeys(bundle: Pick<Bundle, 'relations' | 'reports' | 'sources'>, map: (id: string) => string = (id) => id): Set<string> {
  const outlets = new Map(bundle.sources.filter((source) => source.kind === 'outlet').map((source) => [source.id, normalizeName(source.name)]));
  const relations = new Map(bundle.relations.map((relation) => [relation.id, relation]));
  const keys = new Set<string>();
  for (const report of bundle.reports) {
    const outlet = outlets.get(report.source);
    if (outlet === undefined) continue;
    const relation = 'relation' in report.subject ? relations.get(report.subject.relation) : undefined;
    const subject =
      'entity' in report.subject ? `E ${map(report.subject.entity)}` : relation ? `R ${relation.type} ${map(relation.from)} ${map(relation.to)}` : undefined;
    if (subject) keys.add(`${subject} <- outlet:${outlet}`);
  }
  return keys;
}

/**
 * A relation, attribution or outlet key in names: "MEMBER_OF Katrin Vollmer -> German Navy",
 * "COMMANDS Liu Xiaowu -> Zapad/Interaction-2021 <- MSN News"; an entity that matched no gold one reads "?Name".
 */
export function describeKey(key: string, name: (id: string) => string): string {
  const [head, by] = key.split(' <- ');
  const tokens = head!.split(' ');
  const subject = tokens[0] === 'E' ? name(tokens[1]!) : tokens[0] === 'R' ? relation(tokens.slice(1)) : relation(tokens);
  return by === undefined ? subject : `${subject} <- ${by.startsWith('outlet:') ? by : name(by)}`;
  function relation([type, from, to]: string[]): string {
    return `${type} ${name(from!)} -> ${name(to!)}`;
  }
}

function withoutLists<T extends Prf>(score: T & { missed: string[]; spurious: string[] }): Prf {
  const { missed: _missed, spurious: _spurious, ...rest } = score;
  return rest;
}

function validationIssues(draft: Bundle): string[] {
  try {
    validateBundle(draft);
    return [];
  } catch (error) {
    if (error instanceof BundleValidationError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
}
