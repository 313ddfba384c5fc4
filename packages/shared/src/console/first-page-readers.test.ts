import { describe, expect, it } from 'vitest';
import { NautesApiInfoSchema } from './nautes-api.schema';
import { readNautesApiInfo } from './read-nautes-api-info';
import { readSessionReply } from './read-session-reply';
import { SessionReplySchema } from './session.schema';

const user = { username: 'maintainer', name: 'Mia', email: 'm@example.test', avatar_url: null };

const SESSIONS: [string, unknown][] = [
  ['a whole user', { user }],
  ['a user with a picture', { user: { ...user, avatar_url: 'https://gitlab.test/a.png' } }],
  ['an empty picture', { user: { ...user, avatar_url: '' } }],
  ['no picture, name or e-mail', { user: { username: 'u' } }],
  ['a name that is not text', { user: { ...user, name: 7, email: null, avatar_url: 3 } }],
  ['no username', { user: { ...user, username: undefined } }],
  ['a username that is not text', { user: { ...user, username: 1 } }],
  ['no user', {}],
  ['a user that is a list', { user: [user] }],
  ['null', null],
  ['a text', 'signed in'],
];

const INFOS: [string, unknown][] = [
  ['v0.4 from the server', { version: 'v0.4', source: 'server', message: 'said so' }],
  ['v0.3 configured', { version: 'v0.3', source: 'configured', message: '' }],
  ['unknown', { version: 'unknown', source: 'none', message: 'could not tell' }],
  ['a generation this console does not know', { version: 'v0.5', source: 'server', message: 'x' }],
  ['a source it does not know', { version: 'v0.4', source: 'guess', message: 'x' }],
  ['a message that is not text', { version: 'v0.4', source: 'clusters', message: 4 }],
  ['nothing', {}],
  ['null', null],
  ['a list', [{ version: 'v0.4' }]],
];

describe('the first page’s zod-free readers', () => {
  it.each(SESSIONS)(
    'when the session answer is %s, then readSessionReply reads it as SessionReplySchema does',
    (_name, value) => {
      const schema = SessionReplySchema.safeParse(value);
      expect(readSessionReply(value)).toEqual(schema.success ? schema.data : undefined);
    },
  );

  it.each(INFOS)(
    'when the Nautes API answer is %s, then readNautesApiInfo reads it as NautesApiInfoSchema does',
    (_name, value) => {
      expect(readNautesApiInfo(value)).toEqual(NautesApiInfoSchema.parse(value));
    },
  );
});
