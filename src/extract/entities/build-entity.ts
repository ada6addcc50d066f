import type { ExtractedEntity, EntityMention } from '../types.js';
import { normalizeName } from '../../model/names.js';
import type { Candidate } from './candidate.js';
import type { Group } from './merge-rules.js';

/** A group's name: the gazetteer's or a rule's proposed name, else the longest proper name in it. */
export function groupName(group: Group): string {
  const named = group.mentions.filter((m) => m.kind === 'name' || m.kind === 'alias');
  const canonical = named.find((m) => m.canonicalKey?.startsWith('COUNTRY:') && m.name !== m.text);
  if (canonical) return canonical.name;
  // A facility is named as the article introduces it; later descriptions vary ("army facility", "military installation").
  const facility = [...named].filter((m) => m.canonicalKey?.startsWith('FACILITY:')).sort((a, b) => a.start - b.start)[0];
  if (facility && !named.some((m) => !m.canonicalKey)) return facility.name;
  // A dateline's capitals ("KLAIPEDA") yield to the same name written normally.
  const shouted = (m: Candidate): number => (/\p{Ll}/u.test(m.name) || m.name.length <= 6 ? 0 : 1);
  // A described form ("talks in the Indonesian capital") never renames an event another rule named ("Jakarta talks").
  const own = named.filter((m) => m.rule !== 'event:described-noun');
  // A described event's name is the form its rule chose (kind name); its other forms are aliases.
  const ranked = [...(own.length > 0 ? own : named.filter((m) => m.kind === 'name'))].sort(
    (a, b) => shouted(a) - shouted(b) || b.name.length - a.name.length || a.start - b.start,
  );
  const best = ranked[0] ?? group.mentions[0];
  const name = best?.name.replace(/\s+/g, ' ').trim() ?? '';
  // Only a dateline wrote it ("UNITED NATIONS -"): written as a name.
  return best && shouted(best) ? name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase()) : name;
}

/** Other proper-name forms the text uses: surfaces for gazetteer names ("U.S.", "Moscow"), proposed names otherwise. */
function aliasesOf(group: Group, name: string): string[] {
  const seen = new Set([normalizeName(name)]);
  const aliases: string[] = [];
  for (const mention of group.mentions) {
    if (mention.kind !== 'name' && mention.kind !== 'alias') continue;
    const forms = mention.canonicalKey?.startsWith('COUNTRY:') ? [mention.name, mention.text] : [mention.name];
    for (const form of forms) {
      const clean = form.replace(/\s+/g, ' ').trim();
      const key = normalizeName(clean);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      aliases.push(clean);
    }
  }
  return aliases;
}

function asMention(candidate: Candidate, name: string): EntityMention {
  const kind = candidate.kind === 'name' && normalizeName(candidate.name) !== normalizeName(name) ? 'alias' : candidate.kind;
  const { sentence, tokenBegin, tokenEnd, start, end, text, rule } = candidate;
  return { sentence, tokenBegin, tokenEnd, start, end, text, rule, kind };
}

function slug(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return base === '' ? 'entity' : base;
}

export function buildEntity(group: Group, usedKeys: Set<string>): ExtractedEntity {
  const name = groupName(group);
  let key = slug(name);
  for (let suffix = 2; usedKeys.has(key); suffix++) key = `${slug(name)}-${suffix}`;
  usedKeys.add(key);
  // Two rules may find one span ("ECOWAS" as NER's organization and as a bracketed acronym): one mention.
  const mentions = [...group.mentions]
    .sort((a, b) => a.start - b.start || b.end - a.end || b.confidence - a.confidence)
    .filter((mention, index, sorted) => index === 0 || mention.start !== sorted[index - 1]?.start || mention.end !== sorted[index - 1]?.end);
  const named = mentions.filter((m) => m.kind === 'name' || m.kind === 'alias');
  const strongest = [...named].sort((a, b) => b.confidence - a.confidence)[0] ?? mentions[0];
  // Repeated names are surer than a single one: each extra naming mention closes a fifth of the gap.
  const repeated = 1 - (1 - (strongest?.confidence ?? 0.5)) * 0.8 ** (named.length - 1);
  return {
    key,
    type: group.type,
    name,
    aliases: aliasesOf(group, name),
    mentions: mentions.map((mention) => asMention(mention, name)),
    rule: strongest?.rule ?? 'unknown',
    confidence: Math.round(Math.min(0.99, repeated) * 100) / 100,
  };
}
