import { Router } from 'express';
import type { ApiGeneration } from '../clusters/api-generation';
import { buildOpenApiDocument } from '../openapi/openapi-document';

export function openApiRouter(generation: ApiGeneration): Router {
  const router = Router();
  const document = buildOpenApiDocument(generation);
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
