/** The BFF's "who is signed in" call; apart so that the page's first script can name it. */
export const SESSION_PATH = '/auth/session';
