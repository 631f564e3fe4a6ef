import { z } from 'zod';
import { ApiErrorBody } from './api-error.js';
import type { AnyRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json['$schema'];
  return json;
}

function parametersOf(schema: z.ZodType, where: 'path' | 'query'): JsonSchema[] {
  const json = schemaOf(schema, 'input');
  const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({ name, in: where, required: where === 'path' || required.has(name), schema: property }));
}

const accessText = (route: AnyRoute): string =>
  route.access === 'public' ? 'Anyone.' : route.access === 'signed-in' ? 'Any signed-in user.' : `Roles holding \`${route.access}\`; others get 404.${route.personData ? ' Needs a declared purpose of use.' : ''}`;

/** The OpenAPI 3.1 document, generated from the same route declarations that validate requests. */
export function openApiDocument(routes: readonly AnyRoute[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = { description: 'Failure, in the one error shape', content: { 'application/json': { schema: schemaOf(ApiErrorBody, 'output') } } };
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      summary: route.summary,
      description: accessText(route),
      tags: [route.tag],
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      responses: {
        [String(route.status)]: { description: 'Success', content: { [route.produces]: { schema: schemaOf(route.response, 'output') } } },
        '4XX': error,
        '5XX': error,
      },
    };
    if (route.access !== 'public') operation['security'] = [{ session: [] }];
    if (route.body !== undefined) operation['requestBody'] = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Docket API',
      version: '0.1.0',
      description: 'Sign in (POST /api/session) to get the session cookie; send the CSRF token from GET /api/session in the x-csrf-token header with every request that changes something; declare a purpose of use before reading person data. Every read of person data is recorded in the audit ledger.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'docket_session' } },
    },
    paths,
  };
}
