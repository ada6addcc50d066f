import { z } from 'zod';
import { bundleSchema, BUNDLE_VERSION } from './bundle-schema.js';

/**
 * The bundle's JSON Schema, generated from the zod schema so the two cannot
 * drift; committed as schema/bundle.schema.json for tools outside TypeScript.
 * Cross-record rules (references, endpoint types, quotes at offsets) are not
 * expressible here: docs/bundle-format.md lists them.
 */
export function printBundleJsonSchema(): string {
  const generated = z.toJSONSchema(bundleSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const schema = {
    ...generated,
    $id: `https://newsgraph.dev/schema/bundle-v${BUNDLE_VERSION}.json`,
    title: `newsgraph bundle, version ${BUNDLE_VERSION}`,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
