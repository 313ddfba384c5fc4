import type { KubeObject } from './object-meta';
import { badRequest } from './status-error';

/** A compiled `labelSelector` or `fieldSelector`: does this object match? */
export type Matcher = (object: KubeObject) => boolean;

const everything: Matcher = () => true;

/**
 * Label selectors as apimachinery parses them: `a=b`, `a==b`, `a!=b`, `a`, `!a`,
 * `a in (x,y)`, `a notin (x,y)`, joined by commas (all must hold).
 */
export function labelSelector(text: string | null): Matcher {
  if (!text) return everything;
  const requirements = splitTopLevel(text).map(parseRequirement);
  return (object) => {
    const labels = object.metadata.labels ?? {};
    return requirements.every((requirement) => requirement(labels));
  };
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts.filter((part) => part !== '');
}

type Requirement = (labels: Record<string, string>) => boolean;

function parseRequirement(part: string): Requirement {
  const set = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
  if (set) {
    const [, name = '', operator, values = ''] = set;
    const allowed = values.split(',').map((value) => value.trim());
    return operator === 'in'
      ? (labels) => name in labels && allowed.includes(labels[name] ?? '')
      : (labels) => !(name in labels) || !allowed.includes(labels[name] ?? '');
  }
  const equality = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(part);
  if (equality) {
    const [, name = '', operator, value = ''] = equality;
    return operator === '!='
      ? (labels) => labels[name] !== value
      : (labels) => labels[name] === value;
  }
  const exists = /^(!?)([\w./-]+)$/.exec(part);
  if (exists) {
    const [, not, name = ''] = exists;
    return not ? (labels) => !(name in labels) : (labels) => name in labels;
  }
  throw badRequest(`unable to parse requirement: found '${part}', expected: valid label selector`);
}

const FIELDS: Record<string, (object: KubeObject) => string> = {
  'metadata.name': (object) => object.metadata.name,
  'metadata.namespace': (object) => object.metadata.namespace,
};

/** Field selectors of custom resources: only metadata.name and metadata.namespace. */
export function fieldSelector(text: string | null): Matcher {
  if (!text) return everything;
  const requirements = splitTopLevel(text).map((part): Matcher => {
    const match = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!match) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
    const [, field = '', operator, value = ''] = match;
    const read = FIELDS[field];
    if (!read) throw badRequest(`field label not supported: ${field}`);
    return operator === '!='
      ? (object) => read(object) !== value
      : (object) => read(object) === value;
  });
  return (object) => requirements.every((requirement) => requirement(object));
}
