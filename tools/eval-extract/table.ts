import type { DocumentScore } from './score-document.js';
import type { Prf } from './score.js';
import { TOTAL_GROUPS, type TotalGroup, type Totals } from './totals.js';

/** The evaluation as a plain-text table: one row per document, then one per group total. */

const f = (value: number) => value.toFixed(2);
const triple = (score: Prf) => `${f(score.precision)} ${f(score.recall)} ${f(score.f1)}`;
const HEADER = ['document', 'entities P R F1', 'relations P R F1', 'attrib. P R F1', 'outlets F1', 'quotes', 'valid'];

function row(label: string, score: Pick<Totals, 'entities' | 'relations' | 'attributions' | 'outlets'>, quotes: string, valid: string): string[] {
  return [label, triple(score.entities), triple(score.relations), triple(score.attributions), f(score.outlets.f1), quotes, valid];
}

export function documentRow(name: string, group: string, score: DocumentScore): string[] {
  const quotes = `${score.quotes.exact}/${score.quotes.total}`;
  return row(`${group} ${name}`, score, quotes, score.valid ? 'yes' : 'NO');
}

export function totalRow(group: TotalGroup, totals: Totals): string[] {
  const quotes = `${(100 * totals.quotes.share).toFixed(1)}%`;
  return row(`TOTAL ${group} (${totals.documents})`, totals, quotes, `${totals.valid}/${totals.documents}`);
}

export function formatTable(documents: string[][], totals: Record<TotalGroup, Totals>): string {
  const rows = [HEADER, ...documents, ...TOTAL_GROUPS.map((group) => totalRow(group, totals[group]))];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(HEADER), rule, ...documents.map(line), rule, ...TOTAL_GROUPS.map((group) => line(totalRow(group, totals[group])))].join('\n');
}
