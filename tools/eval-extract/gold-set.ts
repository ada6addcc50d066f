import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/project.js';
import type { Bundle } from '../../src/model/bundle-schema.js';
import { validateBundle } from '../../src/model/validate-bundle.js';

/**
 * The gold set: the seed article, the dev documents (which rule writers may
 * read) and the held-out ones (which they must not), each a text file and
 * its hand-annotated bundle. See data/gold/README.md.
 */

export const GOLD_GROUPS = ['seed', 'dev', 'heldout'] as const;
export type GoldGroup = (typeof GOLD_GROUPS)[number];

export interface GoldDocument {
  /** The file's stem, e.g. 001_amber-shield-naval-exercise. */
  name: string;
  group: GoldGroup;
  /** The article exactly as extraction reads it. */
  text: string;
  gold: Bundle;
}

const SEED = { name: '000_d42a34f1ce22f931', text: 'data/seed/000_d42a34f1ce22f931.txt', bundle: 'data/seed/seed.bundle.json' };

export function loadGoldSet(root: string = PROJECT_ROOT): GoldDocument[] {
  const documents = [readGold(root, 'seed', SEED.name, SEED.text, SEED.bundle)];
  for (const group of ['dev', 'heldout'] as const) {
    const folder = join('data', 'gold', group);
    if (!existsSync(join(root, folder))) continue;
    const stems = readdirSync(join(root, folder))
      .filter((file) => file.endsWith('.txt'))
      .map((file) => file.slice(0, -'.txt'.length))
      .sort();
    for (const stem of stems) documents.push(readGold(root, group, stem, join(folder, `${stem}.txt`), join(folder, `${stem}.bundle.json`)));
  }
  return documents;
}

function readGold(root: string, group: GoldGroup, name: string, textFile: string, bundleFile: string): GoldDocument {
  const text = readFileSync(join(root, textFile), 'utf8');
  // A gold bundle that the validator refuses, or that annotates other text, would score nonsense: stop at once.
  const gold = validateBundle(JSON.parse(readFileSync(join(root, bundleFile), 'utf8')));
  if (gold.document.text !== text) throw new Error(`${bundleFile}: document.text is not the content of ${textFile}`);
  return { name, group, text, gold };
}
