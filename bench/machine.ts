import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/project.js';

/** What the report says about where and with what it ran. */
export interface MachineInfo {
  date: string;
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  loadAverageAtStart: number[];
  node: string;
  neo4j: string;
  neo4jEdition: string;
  libraries: Record<string, string>;
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const LIBRARIES = ['@neo4j/graphql', 'neo4j-driver', 'graphql', 'graphql-yoga', '@pothos/core', 'autocannon', 'dataloader'];

export async function machineInfo(driver: Driver): Promise<MachineInfo> {
  const session = driver.session();
  let neo4j = 'unknown';
  let neo4jEdition = 'unknown';
  try {
    const result = await session.run('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition');
    neo4j = String(result.records[0]?.get('version') ?? 'unknown');
    neo4jEdition = String(result.records[0]?.get('edition') ?? 'unknown');
  } finally {
    await session.close();
  }
  return {
    date: new Date().toISOString(),
    nproc: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    node: process.version,
    neo4j,
    neo4jEdition,
    libraries: Object.fromEntries(LIBRARIES.map((name) => [name, packageVersion(name)])),
  };
}

/** Peak resident memory of a process since the last reset (VmHWM), in MiB; null when it is gone. */
function statusMiB(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export function peakRssMiB(pid: number): number | null {
  return statusMiB(pid, 'VmHWM');
}

/** The resident memory of a process now. */
export function rssMiB(pid: number): number | null {
  return statusMiB(pid, 'VmRSS');
}

/** Resets the peak (writing 5 to clear_refs), so each workload reports its own peak. */
export function resetPeakRss(pid: number): void {
  try {
    // Only this benchmark's own child processes are ever passed here.
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not permitted on some kernels: the peak then covers everything since the server started.
  }
}
