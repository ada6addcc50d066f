import { execFileSync } from 'node:child_process';
import { PROJECT_ROOT } from '../src/project.js';

/** The code a result file measured: the HEAD, and whether the tree differed from it where code lives. */
export interface GitState {
  commit: string;
  dirty: boolean;
  /** The paths that differed (empty when `dirty` is false). */
  dirtyFiles: string[];
}

// Results are written into bench/results/ as runs go: they are not code, and an earlier run's file must not mark the next run dirty.
const CODE_PATHS = ['src', 'explorer/src', 'schema', 'bench', ':(exclude)bench/results', 'tools', 'cypher', 'package.json', 'package-lock.json'];

/**
 * Taken when a run starts: the servers and loads run the working tree as it
 * is then, so the flag says whether the code measured was the commit's.
 */
export function gitState(): GitState {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' });
  const dirtyFiles = git('status', '--porcelain', '--', ...CODE_PATHS)
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  return { commit: git('rev-parse', 'HEAD').trim(), dirty: dirtyFiles.length > 0, dirtyFiles };
}
