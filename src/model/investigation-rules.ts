import { freeTextProblem, nameProblem } from './text-rules.js';
import { InputError } from './input-error.js';

/**
 * What a saved investigation may hold (docs/investigations.md). Refusals are
 * BAD_USER_INPUT errors whose `field` names the part at fault, never a silent
 * trim or cut: a name is trimmed of surrounding white space, nothing else.
 */
export const INVESTIGATION_LIMITS = {
  nameChars: 200,
  notesChars: 20_000,
  /** The view as JSON, in UTF-8 bytes. */
  viewBytes: 256 * 1024,
} as const;

export const FILE_FORMAT = 'newsgraph.investigation';
export const FILE_VERSION = 1;

/** What the explorer keeps: its query string (explorer/src/state.ts), and any other keys a client adds. */
export interface InvestigationView {
  explorer: string;
  [key: string]: unknown;
}

/** The self-describing file that export gives and import takes. */
export interface InvestigationFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  name: string;
  notes: string;
  view: InvestigationView;
  exportedAt: string;
}

const refuse = (field: string, message: string) => new InputError(field, message);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Counted in code points, as a reader counts characters (an emoji is one, not two). */
const charCount = (text: string) => [...text].length;

// A query string is one line of URL characters.
const CONTROL = /\p{Cc}/u;

export function checkName(value: unknown, field = 'name'): string {
  if (typeof value !== 'string') throw refuse(field, 'give the name as a string');
  const name = value.trim();
  if (name.length === 0) throw refuse(field, 'the name is empty; give 1 to 200 characters');
  if (charCount(name) > INVESTIGATION_LIMITS.nameChars)
    throw refuse(field, `the name has ${charCount(name)} characters; at most ${INVESTIGATION_LIMITS.nameChars}`);
  // The project's rule for names (src/model/text-rules.ts): one line of visible text.
  const problem = nameProblem(name);
  if (problem) throw refuse(field, `the name ${problem}`);
  return name;
}

export function checkNotes(value: unknown, field = 'notes'): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw refuse(field, 'give the notes as a string');
  if (charCount(value) > INVESTIGATION_LIMITS.notesChars)
    throw refuse(field, `the notes have ${charCount(value)} characters; at most ${INVESTIGATION_LIMITS.notesChars}`);
  // Free text, as descriptions and quotes are: layout and direction marks stay.
  const problem = freeTextProblem(value);
  if (problem) throw refuse(field, `the notes ${problem}`);
  return value;
}

/** The view as given, and its JSON text for storage; refused when it is not an object with an explorer query string, or too large. */
export function checkView(value: unknown, field = 'view'): { view: InvestigationView; json: string } {
  if (!isObject(value)) throw refuse(field, 'the view is a JSON object such as {"explorer": "?expand=liu-xiaowu"}');
  const explorer = value.explorer;
  if (typeof explorer !== 'string' || !explorer.startsWith('?'))
    throw refuse(`${field}.explorer`, 'the explorer view is its URL query string, starting with "?"');
  if (CONTROL.test(explorer) || /[\s#]/.test(explorer))
    throw refuse(`${field}.explorer`, 'a query string has no spaces, line breaks, control characters or "#"');
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    // Nesting deep enough to overflow the stack is no view.
    throw refuse(field, 'the view could not be written as JSON');
  }
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > INVESTIGATION_LIMITS.viewBytes) throw refuse(field, `the view is ${bytes} bytes as JSON; at most ${INVESTIGATION_LIMITS.viewBytes} (256 KB)`);
  return { view: value as InvestigationView, json };
}

/** An expected version, when given, is a positive whole number. */
export function checkVersion(value: number | null | undefined, field = 'expectedVersion'): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || value < 1) throw refuse(field, `a version is a whole number from 1 (got ${value})`);
  return value;
}

export function toFile(investigation: { name: string; notes: string; view: InvestigationView }, now = new Date()): InvestigationFile {
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    name: investigation.name,
    notes: investigation.notes,
    view: investigation.view,
    exportedAt: now.toISOString(),
  };
}

/** A file's content, checked as a save would be; its format and version first, so a wrong file is named as such. */
export function readFile(value: unknown): { name: string; notes: string; view: InvestigationView; viewJson: string } {
  if (!isObject(value)) throw refuse('file', `an investigation file is a JSON object with "format": "${FILE_FORMAT}"`);
  if (value.format !== FILE_FORMAT) throw refuse('file.format', `not an investigation file: "format" must be "${FILE_FORMAT}"`);
  if (value.version !== FILE_VERSION)
    throw refuse(
      'file.version',
      `this service reads version ${FILE_VERSION} of the file format (got ${typeof value.version === 'number' ? value.version : typeof value.version})`,
    );
  const { view, json } = checkView(value.view, 'file.view');
  return { name: checkName(value.name, 'file.name'), notes: checkNotes(value.notes, 'file.notes'), view, viewJson: json };
}
