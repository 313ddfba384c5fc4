import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsersFileSchema, type UsersFile } from './users-file.schema';

export class UsersFileError extends Error {
  override name = 'UsersFileError';
}

/** Reads and validates the users file; the error names the file and every wrong field. */
export async function loadUsersFile(filePath: string): Promise<UsersFile> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (cause) {
    throw new UsersFileError(`cannot read users file ${filePath}: ${(cause as Error).message}`, {
      cause,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new UsersFileError(
      `users file ${filePath} is not valid JSON: ${(cause as Error).message}`,
      { cause },
    );
  }
  const parsed = UsersFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsersFileError(
      `users file ${filePath} is invalid:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
