/**
 * The OpenAPI 3.1 document of the four routes. Every body schema is generated from the zod
 * schemas in packages/shared (zod 4's `z.toJSONSchema`, JSON Schema 2020-12 = OpenAPI 3.1's
 * dialect), so the document cannot drift from what the service validates.
 */
import {
  ApiErrorBodySchema,
  CLUSTERS_API_PATH,
  CLUSTER_NAME_MAX_LENGTH,
  ClusterMessageSchema,
  ClusterNameSchema,
  FIELD_SELECTOR_KEYS,
  openApiVersionOf,
} from '@cluster-console/shared';
import { z } from 'zod';
import type { ApiGeneration } from '../clusters/api-generation';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const generated: JsonSchema = {
    ...z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
    }),
  };
  // The dialect is declared once, at the document's top (jsonSchemaDialect).
  delete generated.$schema;
  return generated;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'VALIDATION_FAILED: metadata maps each offending field path to its message',
  '401': 'UNAUTHENTICATED: no token, or GitLab does not accept it',
  '403': 'NO_AUTHORIZATION: no read access (GET) or no push access to main (POST, DELETE)',
  '404': 'RESOURCE_NOT_FOUND (metadata.cluster) or NOT_FOUND for an unknown route',
  '409': 'RESOURCE_IN_USE (metadata.referenced_by) or CONFLICT',
  '413': 'PAYLOAD_TOO_LARGE: the body is over 1 MiB',
  '500': 'INTERNAL',
  '503': 'UPSTREAM_UNAVAILABLE: GitLab cannot be reached',
};

function errorResponses(codes: string[]) {
  return Object.fromEntries(
    codes.map((code) => [
      code,
      { description: ERROR_RESPONSES[code] ?? code, content: json(ref('ApiError')) },
    ]),
  );
}

export function buildOpenApiDocument(generation: ApiGeneration): Record<string, unknown> {
  const clusterNameParameter = {
    name: 'cluster_name',
    in: 'path',
    required: true,
    description:
      'A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit.',
    // The shared schema checks this in a refinement, which JSON Schema cannot express; the
    // same rule as constraints (and the same constant) for readers of the document.
    schema: {
      ...jsonSchema(ClusterNameSchema, 'input'),
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
      maxLength: CLUSTER_NAME_MAX_LENGTH,
    },
  };
  const insecureSkipCheck = {
    name: 'insecure_skip_check',
    in: 'query',
    required: false,
    description: 'Accepted and ignored, as on the Nautes API Server.',
    schema: { type: 'string', enum: ['true', 'false'] },
  };
  const common = ['401', '403', '500', '503'];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Clusters API',
      // "0.3.0" or "0.4.0": clients tell the generation spoken by this (or by /healthz).
      version: openApiVersionOf(generation.version),
      description: `The Nautes API Server clusters API (${generation.version} body), as embedded in cluster-console.`,
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ gitlabToken: [] }],
    paths: {
      [CLUSTERS_API_PATH]: {
        get: {
          operationId: 'listClusters',
          summary: 'List the registered clusters',
          parameters: [
            {
              name: 'field_selector',
              in: 'query',
              required: false,
              description: `key=value[,key=value]; keys: ${FIELD_SELECTOR_KEYS.join(', ')} (cluster_name is a substring match).`,
              schema: { type: 'string' },
            },
          ],
          responses: {
            '200': {
              description: 'The clusters ([] when none)',
              content: json(ref('ClusterList')),
            },
            ...errorResponses(['400', ...common]),
          },
        },
      },
      [`${CLUSTERS_API_PATH}/{cluster_name}`]: {
        parameters: [clusterNameParameter],
        get: {
          operationId: 'getCluster',
          summary: 'Get one cluster (never its kubeconfig)',
          responses: {
            '200': { description: 'The cluster', content: json(ref('Cluster')) },
            ...errorResponses(['400', '404', ...common]),
          },
        },
        post: {
          operationId: 'saveCluster',
          summary: 'Create or update a cluster',
          parameters: [insecureSkipCheck],
          requestBody: { required: true, content: json(ref('SaveClusterBody')) },
          responses: {
            '200': { description: 'Saved', content: json(ref('ClusterMessage')) },
            ...errorResponses(['400', '404', '409', '413', ...common]),
          },
        },
        delete: {
          operationId: 'deleteCluster',
          summary: 'Delete a cluster and its stored kubeconfig',
          parameters: [insecureSkipCheck],
          responses: {
            '200': { description: 'Deleted', content: json(ref('ClusterMessage')) },
            ...errorResponses(['400', '404', '409', ...common]),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        gitlabToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A GitLab personal or OAuth access token',
        },
      },
      schemas: {
        SaveClusterBody: jsonSchema(generation.schemas.saveBody, 'input'),
        Cluster: jsonSchema(generation.schemas.cluster, 'output'),
        ClusterList: {
          type: 'object',
          properties: { items: { type: 'array', items: ref('Cluster') } },
          required: ['items'],
        },
        ClusterMessage: jsonSchema(ClusterMessageSchema, 'output'),
        ApiError: jsonSchema(ApiErrorBodySchema, 'output'),
      },
    },
  };
}
