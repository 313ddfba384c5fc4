import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const kustomizeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../kustomize');

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [field: string]: unknown;
}

/** The overlays an operator deploys; every test that checks "every overlay" walks these. */
export const OVERLAYS = ['production', 'demo'] as const;

/** `kubectl kustomize <overlay>`, as Argo CD or `kubectl apply -k` would render it. */
export function render(overlay: string): KubeObject[] {
  const output = execFileSync('kubectl', ['kustomize', path.join(kustomizeDir, overlay)], {
    encoding: 'utf8',
  });
  return parseAllDocuments(output).map((document) => document.toJS() as KubeObject);
}
