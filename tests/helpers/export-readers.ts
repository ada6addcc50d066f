import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../src/project.js';

/**
 * Readers outside our code for the export formats: Python's expat for XML,
 * lxml for XML Schema validation and the followthemoney package for FtM
 * entities (tests/helpers/readers/).
 */

const readerScript = (name: string) => fileURLToPath(new URL(`./readers/${name}`, import.meta.url));

export interface ExpatElement {
  /** `{namespace}local` for a namespaced element, as ElementTree names it. */
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: ExpatElement[];
}

const MAX_OUTPUT = 256 * 1024 * 1024;

/** Parses `file` with expat (throws on any well-formedness error). */
export function readXmlWithExpat(file: string): ExpatElement {
  return JSON.parse(execFileSync('python3', [readerScript('xml_read.py'), file], { encoding: 'utf8', maxBuffer: MAX_OUTPUT })) as ExpatElement;
}

/**
 * The Python of the readers' venv (followthemoney, lxml): NEWSGRAPH_FTM_PYTHON,
 * or the venv .ci/run makes in node_modules/.cache/newsgraph-ftm (tests never
 * install it: no network at test time). Null when it cannot import `modules`.
 */
export function readerPython(modules: readonly string[] = ['followthemoney']): string | null {
  const candidate = process.env.NEWSGRAPH_FTM_PYTHON ?? join(PROJECT_ROOT, 'node_modules/.cache/newsgraph-ftm/bin/python');
  if (!existsSync(candidate)) return null;
  return spawnSync(candidate, ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore' }).status === 0 ? candidate : null;
}

export const ftmPython = (): string | null => readerPython(['followthemoney']);

/** Validates `file` against the XML Schema `schema` with lxml. */
export function validateXml(python: string, schema: string, file: string): { valid: boolean; errors: string[] } {
  return JSON.parse(execFileSync(python, [readerScript('xsd_validate.py'), schema, file], { encoding: 'utf8', maxBuffer: MAX_OUTPUT })) as {
    valid: boolean;
    errors: string[];
  };
}

export interface FtmReading {
  entities: Record<string, { schema: string; caption: string; properties: Record<string, string[]>; context: Record<string, unknown> }>;
  /** What followthemoney refused, changed, or could not resolve; empty when the file is clean. */
  problems: string[];
}

export function readFtm(python: string, file: string): FtmReading {
  return JSON.parse(execFileSync(python, [readerScript('ftm_read.py'), file], { encoding: 'utf8', maxBuffer: MAX_OUTPUT })) as FtmReading;
}
