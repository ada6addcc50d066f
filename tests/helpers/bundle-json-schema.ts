import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';

/** A validator for the committed schema/bundle.schema.json, as a tool outside TypeScript would use it. */
export async function bundleJsonSchemaValidator(): Promise<ValidateFunction> {
  // ajv is CommonJS: its class is the module's default export's `default`.
  const { default: ajvModule } = await import('ajv/dist/2020.js');
  const Ajv2020 = (ajvModule as unknown as { default: typeof ajvModule }).default ?? ajvModule;
  const ajv = new (Ajv2020 as unknown as new (options: object) => import('ajv').default)({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(new URL('../../schema/bundle.schema.json', import.meta.url), 'utf8')));
}
