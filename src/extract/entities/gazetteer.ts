import { normalizeName } from '../../model/names.js';
import { COUNTRY_LINES } from './countries-data.js';

export interface Country {
  name: string;
  otherNames: string[];
  capitals: string[];
}

function parseCountries(lines: string): Country[] {
  const split = (field: string | undefined): string[] =>
    (field ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '');
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [name, others, capitals] = line.split('|');
      return { name: (name ?? '').trim(), otherNames: split(others), capitals: split(capitals) };
    });
}

const COUNTRIES = parseCountries(COUNTRY_LINES);
const BY_NAME = new Map<string, Country>();
const BY_CAPITAL = new Map<string, Country>();
for (const country of COUNTRIES) {
  for (const name of [country.name, ...country.otherNames]) BY_NAME.set(normalizeName(name), country);
  for (const capital of country.capitals) {
    // A city-state's capital is the country itself, never a metonymy worth telling apart.
    if (normalizeName(capital) !== normalizeName(country.name)) BY_CAPITAL.set(normalizeName(capital), country);
  }
}

/** Leading articles are not part of a country's name: "the United States", "The Netherlands". */
function key(text: string): string {
  return normalizeName(text.replace(/^the\s+/i, ''));
}

export function countryNamed(text: string): Country | undefined {
  return BY_NAME.get(key(text)) ?? BY_NAME.get(normalizeName(text));
}

export function countryWithCapital(text: string): Country | undefined {
  return BY_CAPITAL.get(key(text));
}
