import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { parseInput } from './api-error';

/** How a refusal names the part of the request that was wrong. */
const PART_NAMES: Readonly<Record<string, string>> = {
  params: 'path',
  querystring: 'query',
  body: 'request',
  headers: 'headers',
};

/** A compiled schema is a zod value: routes declare them from src/domain/api/endpoints.ts. */
function asZod(schema: unknown): z.ZodType {
  if (typeof schema === 'object' && schema !== null && 'safeParse' in schema) {
    return schema as z.ZodType;
  }
  throw new Error('A route schema must be a zod schema from the contract.');
}

/** A response that breaks its contract: a bug on the server, never sent as it is. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

/**
 * Makes Fastify validate with the contract's zod schemas, refusing in the API's own error shape
 * (and refusing text that could not be stored), and serialise each answer through its schema,
 * which drops any field the contract does not name and fails loudly on a wrong shape.
 */
export function useContractCompilers(app: FastifyInstance) {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const zod = asZod(schema);
    const what = PART_NAMES[httpPart ?? ''] ?? 'request';
    return (data: unknown) => {
      try {
        // Fastify hands a missing body over as null; the contract speaks of it as undefined.
        return { value: parseInput(zod, data ?? undefined, what) };
      } catch (error) {
        return { error: error as Error };
      }
    };
  });

  app.setSerializerCompiler(({ schema, method, url, httpStatus }) => {
    const zod = asZod(schema);
    return (data: unknown) => {
      const result = zod.safeParse(data);
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new ContractViolation(
          `The ${httpStatus} answer of ${method} ${url} breaks its contract at ` +
            `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
        );
      }
      return JSON.stringify(result.data);
    };
  });
}
