import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphContext } from '../../context.js';

/**
 * Starts each query's time budget as its execution starts; from then on its
 * statements are held to it (src/request-deadline.ts). Mutations are left to
 * their statements' own timeouts: they need an editor key, are admitted a
 * few at a time, and a bundle ingest may rightly take up to 120 s.
 */
export function useRequestDeadline(budgetMs: number): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      (args.contextValue as unknown as GraphContext).deadline.start(budgetMs);
    },
  };
}
