import { normalizeName } from '../../model/names.js';
import type { ExtractedEntity } from '../types.js';

/**
 * Nationality adjectives and the country each names, for "Russian troops",
 * "the Chinese town of …". A small closed list: the adjective is only
 * mapped to a country the entity layer already found in the article.
 */
const DEMONYMS: Record<string, string[]> = {
  afghan: ['Afghanistan'],
  american: ['United States', 'U.S.', 'US'],
  australian: ['Australia'],
  austrian: ['Austria'],
  azerbaijani: ['Azerbaijan'],
  armenian: ['Armenia'],
  belarusian: ['Belarus'],
  belgian: ['Belgium'],
  brazilian: ['Brazil'],
  british: ['United Kingdom', 'Britain', 'UK'],
  bulgarian: ['Bulgaria'],
  canadian: ['Canada'],
  chilean: ['Chile'],
  chinese: ['China'],
  colombian: ['Colombia'],
  croatian: ['Croatia'],
  czech: ['Czech Republic', 'Czechia'],
  danish: ['Denmark'],
  dutch: ['Netherlands'],
  egyptian: ['Egypt'],
  estonian: ['Estonia'],
  ethiopian: ['Ethiopia'],
  filipino: ['Philippines'],
  finnish: ['Finland'],
  french: ['France'],
  georgian: ['Georgia'],
  german: ['Germany'],
  greek: ['Greece'],
  hungarian: ['Hungary'],
  indian: ['India'],
  indonesian: ['Indonesia'],
  iranian: ['Iran'],
  iraqi: ['Iraq'],
  irish: ['Ireland'],
  israeli: ['Israel'],
  italian: ['Italy'],
  japanese: ['Japan'],
  jordanian: ['Jordan'],
  kazakh: ['Kazakhstan'],
  kenyan: ['Kenya'],
  korean: ['South Korea', 'Korea'],
  latvian: ['Latvia'],
  lebanese: ['Lebanon'],
  lithuanian: ['Lithuania'],
  malaysian: ['Malaysia'],
  mexican: ['Mexico'],
  moldovan: ['Moldova'],
  nigerian: ['Nigeria'],
  norwegian: ['Norway'],
  pakistani: ['Pakistan'],
  peruvian: ['Peru'],
  philippine: ['Philippines'],
  polish: ['Poland'],
  portuguese: ['Portugal'],
  romanian: ['Romania'],
  russian: ['Russia'],
  saudi: ['Saudi Arabia'],
  serbian: ['Serbia'],
  singaporean: ['Singapore'],
  slovak: ['Slovakia'],
  somali: ['Somalia'],
  spanish: ['Spain'],
  sudanese: ['Sudan'],
  swedish: ['Sweden'],
  swiss: ['Switzerland'],
  syrian: ['Syria'],
  taiwanese: ['Taiwan'],
  thai: ['Thailand'],
  turkish: ['Turkey', 'Türkiye'],
  ugandan: ['Uganda'],
  ukrainian: ['Ukraine'],
  venezuelan: ['Venezuela'],
  vietnamese: ['Vietnam'],
  yemeni: ['Yemen'],
};

/** The COUNTRY entity a nationality adjective names, when the article has it. */
export function countryOfDemonym(word: string, entities: readonly ExtractedEntity[]): ExtractedEntity | undefined {
  const names = DEMONYMS[word.toLowerCase()];
  if (!names) return undefined;
  const wanted = new Set(names.map(normalizeName));
  return entities.find((e) => e.type === 'COUNTRY' && [e.name, ...e.aliases].some((n) => wanted.has(normalizeName(n))));
}

export function isDemonym(word: string): boolean {
  return DEMONYMS[word.toLowerCase()] !== undefined;
}
