import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const KeysFileSchema = z.object({
  jwks: z.object({ keys: z.array(z.looseObject({ kty: z.string(), kid: z.string() })).min(1) }),
  cookieKeys: z.array(z.string().min(32)).min(1),
});
export type OidcKeys = z.infer<typeof KeysFileSchema>;

function generateKeys(): OidcKeys {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  // A stable kid derived from the public modulus, like RFC 7638 thumbprints are used for.
  const kid = createHash('sha256')
    .update(jwk.n ?? '')
    .digest('base64url')
    .slice(0, 16);
  return {
    jwks: { keys: [{ ...jwk, kty: 'RSA', kid, alg: 'RS256', use: 'sig' }] },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

/**
 * The ID token signing key and the cookie signing keys, generated once into the data
 * directory (mode 0600) so that tokens and sign-in sessions survive a restart's JWKS.
 */
export async function loadOrCreateOidcKeys(dataDir: string): Promise<OidcKeys> {
  const file = path.join(dataDir, 'oidc-keys.json');
  try {
    const text = await readFile(file, 'utf8');
    const parsed = KeysFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    throw new Error(`${file} is not a valid keys file; delete it to generate new keys`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = generateKeys();
  await mkdir(dataDir, { recursive: true });
  // `wx`: if another process created the file meanwhile, use that one instead.
  try {
    await writeFile(file, JSON.stringify(keys, null, 2), { mode: 0o600, flag: 'wx' });
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return loadOrCreateOidcKeys(dataDir);
  }
}
