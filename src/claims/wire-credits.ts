import { normalizeName } from '../model/names.js';

/**
 * Wire services whose stories outlets republish under their own name. A
 * credit in the text ("(Xinhua)", "BEIJING (Reuters) -", "— AFP") makes the
 * wire, not the outlet, the document's voice: its copies count once.
 */
const WIRES: ReadonlyArray<[name: string, spellings: string[]]> = [
  ['Xinhua', ['Xinhua', 'Xinhua News Agency']],
  ['Reuters', ['Reuters']],
  ['Associated Press', ['AP', 'Associated Press', 'The Associated Press']],
  ['Agence France-Presse', ['AFP', 'Agence France-Presse', 'Agence France Presse']],
  ['TASS', ['TASS']],
  ['RIA Novosti', ['RIA Novosti', 'RIA']],
  ['Interfax', ['Interfax']],
  ['Kyodo', ['Kyodo']],
  ['Yonhap', ['Yonhap']],
  ['Press Trust of India', ['PTI']],
  ['dpa', ['dpa']],
  ['EFE', ['EFE']],
  ['ANSA', ['ANSA']],
  ['Anadolu Agency', ['Anadolu']],
  ['Bloomberg', ['Bloomberg']],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A credit is the wire's name alone in brackets, or the wire after a dash at
 * the end of the text, or "(Wire) -" opening a dateline: a wire merely
 * mentioned in a sentence ("Reuters reported that ...") is a citation, which
 * the reports' own sources carry, not a credit. Short names (AP, AFP, dpa)
 * match only as spelled, so "ap" in lower case is not a credit.
 */
const CREDITS: ReadonlyArray<[RegExp, string]> = WIRES.flatMap(([name, spellings]) =>
  spellings.map((spelling): [RegExp, string] => {
    const word = escape(spelling);
    // A dateline's hyphen stands alone ("Reuters -", "AFP --"): joined to a word it makes a compound ("AP-NORC poll",
    // "Xinhua-run outlets"), which names the wire without crediting it. A dash (— or –) may touch the text ("AP—").
    return [new RegExp(`\\(\\s*${word}\\s*\\)|[—–-]\\s*${word}\\s*\\.?\\s*$|^\\s*${word}\\s*(?:[—–]|-+(?=\\s|$))`, spelling.length <= 4 ? 'm' : 'mi'), name];
  }),
);

/** The wire credited in the first or last 400 characters of the text, where credits stand, or null. */
export function wireCredit(text: string): string | null {
  const ends = [text.slice(0, 400), text.slice(-400)];
  for (const [pattern, name] of CREDITS) if (ends.some((part) => pattern.test(part))) return name;
  return null;
}

/**
 * The wire a source's name names, by any of its spellings ("AP", "Associated Press"), or null: a source a bundle
 * calls "AP" is the wire that "(AP)" credits, one independent source with every story credited to it.
 */
export function wireNamed(name: string): string | null {
  const key = normalizeName(name);
  if (key.length === 0) return null;
  for (const [wire, spellings] of WIRES) if ([wire, ...spellings].some((spelling) => normalizeName(spelling) === key)) return wire;
  return null;
}
