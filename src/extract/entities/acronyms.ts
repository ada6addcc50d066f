import { normalizeName } from '../../model/names.js';
import { candidateAt, type Candidate } from './candidate.js';
import { MINOR_WORDS, spells } from './merge-rules.js';
import type { SentenceView } from './sentence-view.js';

const OPENING = new Set(['(', '-LRB-']);
const CLOSING = new Set([')', '-RRB-']);

function keyOf(candidate: Candidate): string {
  return candidate.canonicalKey ?? `${candidate.type}:${normalizeName(candidate.name)}`;
}

/**
 * The shortest run of capitalized words (minor words allowed inside) ending
 * before a bracket whose words the acronym spells: "Economic Community of
 * West African States" for ECOWAS, not "African Union and the Economic ...".
 */
function spelledRunBefore(view: SentenceView, end: number, letters: string): { begin: number; end: number } | undefined {
  let limit = end;
  while (limit > 0 && (/^\p{Lu}/u.test(view.word(limit - 1)) || MINOR_WORDS.has(view.word(limit - 1)))) limit--;
  for (let begin = end - 1; begin >= limit; begin--) {
    const first = view.word(begin);
    if (!/^\p{Lu}/u.test(first) || first === 'The') continue;
    const words = view.tokens
      .slice(begin, end)
      .map((t) => t.word)
      .filter((w) => !MINOR_WORDS.has(w))
      .map((w) => w.toUpperCase());
    if (words.length >= 2 && spells(letters, words)) return { begin, end };
  }
  return undefined;
}

/**
 * "the Shanghai Cooperation Organization (SCO)": a bracketed acronym names the
 * entity before it. When NER cut that name into fragments ("Economic
 * Community of West" + "African"), the capitalized words the acronym spells
 * are the name. Returns the new candidates and the fragments they replace.
 */
export function acronymDefinitions(view: SentenceView, text: string, candidates: Candidate[]): { found: Candidate[]; replaced: Set<Candidate> } {
  const found: Candidate[] = [];
  const replaced = new Set<Candidate>();
  view.tokens.forEach((token, open) => {
    const acronym = view.token(open + 1)?.originalText ?? '';
    if (!OPENING.has(token.word) || !CLOSING.has(view.word(open + 2)) || !/^[A-Z][A-Za-z.&]{1,9}$/.test(acronym)) return;
    const named = candidates.find((c) => c.sentence === view.index && c.tokenEnd === open && (c.type === 'ORGANIZATION' || c.type === 'COUNTRY'));
    const run = spelledRunBefore(view, open, acronym.replace(/[^A-Za-z]/g, '').toUpperCase());
    let owner = named;
    if (run && (!owner || owner.tokenBegin > run.begin)) {
      owner = candidateAt(view, text, run, { type: 'ORGANIZATION', rule: 'organization:acronym-definition', confidence: 0.8 });
      for (const fragment of candidates) {
        if (fragment.sentence === view.index && fragment.tokenBegin < run.end && run.begin < fragment.tokenEnd) replaced.add(fragment);
      }
      found.push(owner);
    }
    if (!owner) return;
    const range = { begin: open + 1, end: open + 2 };
    found.push(
      candidateAt(view, text, range, {
        type: owner.type,
        rule: 'alias:parenthetical-acronym',
        confidence: owner.confidence,
        kind: 'alias',
        canonicalKey: keyOf(owner),
      }),
    );
  });
  return { found, replaced };
}
