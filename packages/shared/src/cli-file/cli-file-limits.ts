/**
 * The CLI file's limits: the shared ones of every YAML a user hands us (the kubeconfig's,
 * `../yaml/untrusted-yaml-limits`), with up to 100 documents, and how a file that breaks one
 * is refused. Every message gives a position and a reason, never a piece of the file.
 */
import {
  firstYamlLimitBreach,
  MAX_YAML_ALIASES,
  MAX_YAML_BYTES,
  MAX_YAML_NODES,
  MAX_YAML_QUOTED_LENGTH,
  type YamlLimitBreach,
} from '../yaml/untrusted-yaml-limits';
import { lineColumnAt, TOO_DEEP_REASON } from '../yaml/yaml-error-text';
import type { CliFileIssue } from './read-values';

export const CLI_FILE_MAX_BYTES = MAX_YAML_BYTES;
export const CLI_FILE_MAX_DOCUMENTS = 100;
export const CLI_FILE_MAX_ALIAS_COUNT = MAX_YAML_ALIASES;

function notValidAt(text: string, offset: number, reason: string): CliFileIssue {
  const { line, col } = lineColumnAt(text, offset);
  return { line, message: `The file is not valid YAML at line ${line}, column ${col}: ${reason}.` };
}

function describeBreach(text: string, breach: YamlLimitBreach): CliFileIssue {
  switch (breach.limit) {
    case 'bytes':
      return {
        message: `The file is ${Math.ceil(breach.bytes / 1024)} KiB; a cluster file may be at most ${CLI_FILE_MAX_BYTES / 1024} KiB. Split it, or remove what is not a cluster.`,
      };
    case 'documents':
      return {
        message: `The file has ${breach.documents} YAML documents; at most ${CLI_FILE_MAX_DOCUMENTS} clusters can be imported at once. Split it.`,
      };
    case 'depth':
      return notValidAt(text, breach.offset, `${TOO_DEEP_REASON} for a cluster file`);
    case 'nodes':
      return {
        message: `The file has too many lines and entries (more than ${MAX_YAML_NODES}; a cluster takes about 100) to be read safely. Split it, or remove what is not a cluster.`,
      };
    case 'quoted':
      return notValidAt(
        text,
        breach.offset,
        `a quoted value is longer than ${MAX_YAML_QUOTED_LENGTH / 1024} KiB (or its closing quote is missing)`,
      );
  }
}

/**
 * Why the file as a whole is refused before it is parsed, or undefined when it may be parsed.
 */
export function cliFileRefusal(text: string): CliFileIssue | undefined {
  const breach = firstYamlLimitBreach(text, { maxDocuments: CLI_FILE_MAX_DOCUMENTS });
  return breach === undefined ? undefined : describeBreach(text, breach);
}
