import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseEnv } from './env';

const Schema = z.object({ PORT: z.coerce.number().int().min(0), SECRET: z.string().min(8) });

describe('parseEnv', () => {
  it('returns the parsed environment', () => {
    expect(parseEnv('app', Schema, { PORT: '80', SECRET: 'long enough' })).toEqual({
      PORT: 80,
      SECRET: 'long enough',
    });
  });

  it('names each wrong variable and never its value', () => {
    const read = () => parseEnv('app', Schema, { PORT: 'eighty', SECRET: 'hunter2' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/^app: invalid configuration\n {2}PORT: .*\n {2}SECRET: /);
    expect(read).not.toThrow(/hunter2|eighty/);
  });
});
