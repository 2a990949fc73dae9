/**
 * A compiled response serialiser for the hottest large responses (the worklist: 100 rows, 200 KB).
 * The zod serialiser of the other routes validates the whole response and then JSON-encodes it:
 * ≈ 3 ms per worklist at city size. This one compiles the response schema, as zod describes it in
 * JSON Schema, with fast-json-stringify: ≈ 1 ms, the same bytes.
 *
 * It keeps the data-protection property that matters: only the properties the contract declares
 * leave the server. An undeclared property is not written (inside an object that may be null, where
 * fast-json-stringify must first decide which form the value has, it fails the response with a 500
 * instead), and a declared required property that is missing fails the response too, rather than
 * sending a partial one. What it gives up is the
 * run-time type check of each value; the presenter's return type (the contract's own type) checks
 * that at compile time, and the route's API test checks the bytes against the zod contract.
 */

import fastJsonStringify from 'fast-json-stringify';
import { type ZodType, z } from 'zod';

/** Compiles one zod schema to a serialiser (exported for its unit test). */
export function compileSerializer(schema: ZodType): (data: unknown) => string {
  const jsonSchema = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw' });
  return fastJsonStringify(jsonSchema as Parameters<typeof fastJsonStringify>[0]);
}

/** Fastify's `serializerCompiler` route option (each response schema is a zod schema). */
export const fastSerializerCompiler = ({ schema }: { readonly schema: unknown }) => {
  if (!(schema instanceof z.ZodType))
    throw new Error('fastSerializerCompiler: a response schema is not a zod schema');
  return compileSerializer(schema);
};
