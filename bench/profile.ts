import type { Driver, ProfiledPlan } from 'neo4j-driver';
import type { CapturedStatement } from './capture.js';

/** PROFILE evidence: database hits and rows of a statement, and its plan as indented operator lines. */
export interface ProfileResult {
  dbHits: number;
  rows: number;
  plan: string[];
}

export function sumDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + sumDbHits(child), 0);
}

/** Operator lines, deepest last, with the details Neo4j gives (index used, expand, filters), trimmed. */
export function planLines(plan: ProfiledPlan, depth = 0, lines: string[] = []): string[] {
  const details = String(plan.arguments?.['Details'] ?? '')
    .replace(/\s+/g, ' ')
    .slice(0, 110);
  lines.push(`${'  '.repeat(depth)}${plan.operatorType.replace(/@.*$/, '')} rows=${plan.rows} hits=${plan.dbHits}${details ? ` ${details}` : ''}`);
  for (const child of plan.children) planLines(child, depth + 1, lines);
  return lines;
}

/** The statement with PROFILE in front (after a `CYPHER 5` line, which @neo4j/graphql puts first). */
export function withProfile(cypher: string): string {
  return cypher.replace(/^\s*(CYPHER [^\n]*\n)?/, (prefix) => `${prefix}PROFILE `);
}

/** Runs one captured read statement under PROFILE, in a read transaction, and sums its database hits. */
export async function profileStatement(driver: Driver, database: string, statement: CapturedStatement): Promise<ProfileResult> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead((tx) => tx.run(withProfile(statement.cypher), statement.params));
    const plan = result.summary.profile;
    if (!plan) throw new Error('no profile returned');
    return { dbHits: sumDbHits(plan), rows: result.records.length, plan: planLines(plan) };
  } finally {
    await session.close();
  }
}

/** PROFILE of every statement one operation sent: the total, and each statement's share. */
export async function profileAll(
  driver: Driver,
  database: string,
  statements: CapturedStatement[],
): Promise<{ dbHits: number; statements: Array<ProfileResult & { cypher: string }> }> {
  const profiled: Array<ProfileResult & { cypher: string }> = [];
  for (const statement of statements) profiled.push({ ...(await profileStatement(driver, database, statement)), cypher: statement.cypher });
  return { dbHits: profiled.reduce((sum, p) => sum + p.dbHits, 0), statements: profiled };
}
