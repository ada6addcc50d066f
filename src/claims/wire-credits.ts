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
 * A credit stands where credits stand: in the dateline ("BEIJING, Aug. 9
 * (Xinhua) --", "(Reuters) -", "AP —" opening the text), or at the very end
 * ("— AFP", "(Reuters)"). A wire named anywhere else ("Reuters reported
 * that ...", "Andhra Pradesh (AP)", a caption's "- Reuters" mid-text) is a
 * citation or an abbreviation, which the reports' own sources carry, not a
 * credit. Short names (AP, AFP, dpa) match only as spelled.
 */
interface Credit {
  wire: string;
  opening: RegExp;
  closing: RegExp;
}

// A dateline's hyphen stands alone ("Reuters -", "AFP --"): joined to a word it makes a compound ("AP-NORC poll",
// "Xinhua-run outlets"), which names the wire without crediting it. A dash (— or –) may touch the text ("AP—").
const DASH = '(?:[—–]|-+(?=\\s|$))';

const CREDITS: readonly Credit[] = WIRES.flatMap(([wire, spellings]) =>
  spellings.map((spelling): Credit => {
    const word = escape(spelling);
    const flags = spelling.length <= 4 ? '' : 'i';
    return {
      wire,
      opening: new RegExp(`\\(\\s*${word}\\s*\\)\\s*${DASH}|^\\s*${word}\\s*${DASH}`, flags),
      closing: new RegExp(`(?:[—–-]\\s*${word}|\\(\\s*${word}\\s*\\))\\s*\\.?\\s*$`, flags),
    };
  }),
);

/** The wire credited at the opening (first 400 characters) or the close of the text, or null. */
export function wireCredit(text: string): string | null {
  const [opening, closing] = [text.slice(0, 400), text.slice(-400)];
  for (const credit of CREDITS) if (credit.opening.test(opening) || credit.closing.test(closing)) return credit.wire;
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
