import type { CliFileDocument } from '@cluster-console/shared';

/** A Nautes CLI file read in the browser, handed from the wizard's import to "register all". */
export interface BatchFile {
  source: string;
  documents: CliFileDocument[];
}
