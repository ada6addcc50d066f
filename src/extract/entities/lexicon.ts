/**
 * Word lists the rules share. They describe English news in general (how
 * institutions, events and facilities are named), not any one article.
 */

/** Head nouns that make a name an organization, with the category they suggest. */
export const ORGANIZATION_HEADS: Record<string, string> = {
  army: 'military', armies: 'military', navy: 'military', forces: 'military', force: 'military', command: 'military',
  corps: 'military', division: 'military', brigade: 'military', regiment: 'military', battalion: 'military',
  fleet: 'military', guard: 'military', group: 'other', staff: 'military', marines: 'military',
  ministry: 'government', department: 'government', government: 'government', cabinet: 'government',
  office: 'government', agency: 'government', parliament: 'government', senate: 'government', congress: 'government',
  administration: 'government', service: 'government', commission: 'government', police: 'government',
  council: 'government', committee: 'government', court: 'government', bureau: 'government', directorate: 'government',
  organization: 'intergovernmental', organisation: 'intergovernmental', alliance: 'intergovernmental',
  union: 'intergovernmental', nations: 'intergovernmental', pact: 'intergovernmental', partnership: 'intergovernmental',
  bloc: 'intergovernmental', grouping: 'intergovernmental', community: 'intergovernmental', coalition: 'political', bank: 'other', fund: 'other',
  party: 'political', movement: 'political', front: 'armed_group', brigades: 'armed_group', militia: 'armed_group',
  university: 'other', institute: 'other', centre: 'other', center: 'other', studies: 'other', foundation: 'other',
  company: 'other', corporation: 'other', school: 'other', college: 'other',
  newspaper: 'media', times: 'media', news: 'media', post: 'media', press: 'media',
};

/** Well-known organizations whose names carry no keyword. */
export const KNOWN_CATEGORIES: Record<string, string> = {
  nato: 'intergovernmental', un: 'intergovernmental', eu: 'intergovernmental', asean: 'intergovernmental',
  osce: 'intergovernmental', opec: 'intergovernmental', au: 'intergovernmental', sco: 'intergovernmental',
  brics: 'intergovernmental', g7: 'intergovernmental', g20: 'intergovernmental', csto: 'intergovernmental',
  groupofseven: 'intergovernmental', groupoftwenty: 'intergovernmental', imf: 'intergovernmental', internationalmonetaryfund: 'intergovernmental', worldbank: 'intergovernmental',
  iaea: 'intergovernmental', wto: 'intergovernmental', who: 'intergovernmental', interpol: 'intergovernmental',
  ecowas: 'intergovernmental', gcc: 'intergovernmental', oas: 'intergovernmental', unitednations: 'intergovernmental',
  taliban: 'armed_group', hamas: 'armed_group', hezbollah: 'armed_group', houthis: 'armed_group',
  alqaeda: 'armed_group', islamicstate: 'armed_group', alshabaab: 'armed_group', bokoharam: 'armed_group', isis: 'armed_group', isil: 'armed_group', wagner: 'armed_group',
  pla: 'military', idf: 'military', pentagon: 'military', kremlin: 'government',
};

/** Words near an organization that make it an armed group: "the militant group X", "the terrorist organization". */
export const ARMED_GROUP_CUES = new Set(['militant', 'militants', 'rebel', 'rebels', 'terrorist', 'insurgent', 'insurgents', 'jihadist', 'militia', 'paramilitary']);

/** Exercise-like events: the proper name alone is the event's name ("Zapad-2021", not "Zapad-2021 exercise"). */
export const OPERATION_NOUNS = new Set([
  'exercise', 'exercises', 'drill', 'drills', 'manoeuvre', 'manoeuvres', 'maneuver', 'maneuvers', 'wargame', 'wargames',
  'operation', 'operations', 'mission', 'patrol', 'campaign', 'offensive',
]);

/** Events named with their noun: "G20 summit", "COVID-19 pandemic", "Gaza war". */
export const OCCASION_NOUNS = new Set([
  'summit', 'conference', 'pandemic', 'epidemic', 'outbreak', 'war', 'election', 'elections', 'referendum', 'ceasefire',
  'truce', 'crisis', 'invasion', 'withdrawal', 'talks', 'negotiations', 'games', 'olympics', 'earthquake', 'coup',
  'uprising', 'revolution', 'protests', 'bombing', 'massacre', 'forum', 'meeting',
]);

/** Occasion nouns a country or place may name on its own ("the Ukraine war", "the Gaza ceasefire"). */
export const PLACE_NAMED_OCCASIONS = new Set(['talks', 'negotiations', 'summit', 'war', 'election', 'elections', 'referendum', 'ceasefire', 'truce', 'crisis', 'earthquake', 'coup', 'uprising', 'revolution', 'protests', 'invasion']);

/** Occasions an organization may name on its own ("the NATO summit"). */
export const ORGANIZATION_NAMED_OCCASIONS = new Set(['summit', 'conference', 'meeting', 'forum']);

/** The last word of a proper name that makes it an event rather than an organization or place. */
export const EVENT_NAME_HEADS = new Set(['summit', 'conference', 'meeting', 'dialogue', 'games', 'olympics', 'war', 'exercise', 'exercises', 'drills', 'championship', 'cup', 'festival', 'expo']);

export const FACILITY_NOUNS = new Set(['base', 'airbase', 'facility', 'installation', 'airfield', 'barracks', 'depot', 'garrison', 'shipyard', 'outpost', 'compound', 'centre', 'center']);

/** Facility nouns too broad alone ("the city centre"): a facility only with one of these descriptors. */
export const QUALIFIED_FACILITY_NOUNS = new Set(['centre', 'center']);
export const FACILITY_FUNCTIONS = new Set(['training', 'military', 'detention', 'command', 'research', 'operations', 'logistics', 'data', 'control', 'coordination', 'nuclear', 'enrichment', 'maritime']);

/** Prepositions that place a city as a location, not as its government: "in Moscow", "to Brussels". */
export const LOCATIVE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'into', 'inside', 'outside', 'around', 'across', 'via', 'toward', 'towards', 'through', 'off', 'over', 'throughout', 'within']);
