import { franc, francAll } from 'franc-min';
import { GraphQLError } from 'graphql';

/**
 * The rules and the CoreNLP models are English. Another language would not
 * fail: it would give a near-empty draft that looks like an article with
 * nothing in it. So it is refused, naming the language detected.
 */

/** Below this many letters the detector guesses; such a text is let through. */
const MIN_LETTERS = 40;
/** franc's score of English relative to the best language; only a near tie (Scots, say) counts as English: French prose scores 0.88. */
const ENGLISH_MIN_SCORE = 0.95;

export class UnsupportedLanguageError extends GraphQLError {
  constructor(readonly language: string) {
    super(`Unsupported language: the article reads as ${language} (ISO 639-3); extraction supports English only.`, {
      extensions: { code: 'UNSUPPORTED_LANGUAGE', language },
    });
    this.name = 'UnsupportedLanguageError';
  }
}

export function detectLanguage(text: string): string {
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters < MIN_LETTERS) return 'und';
  const best = franc(text, { minLength: 1 });
  if (best === 'eng' || best === 'und') return best;
  const english = francAll(text, { minLength: 1 }).find(([code]) => code === 'eng');
  return english && english[1] >= ENGLISH_MIN_SCORE ? 'eng' : best;
}

export function assertEnglish(text: string): void {
  const language = detectLanguage(text);
  if (language !== 'eng' && language !== 'und') throw new UnsupportedLanguageError(language);
}
