import { withBase } from './base-path';

/**
 * How the sign-in window tells the console's other windows that the user has signed in again:
 * a BroadcastChannel (same origin by construction; it works even when the sign-in window lost
 * its opener on the way through GitLab) and, when the opener is still known, a postMessage to
 * it restricted to this origin. The message carries nothing but its type.
 */
export const SIGNED_IN_CHANNEL = 'cluster-console-session';
export const SIGNED_IN_MESSAGE = 'cluster-console:signed-in';
/** The BFF's sign-in, coming back to the tiny page that sends the message and closes. */
export const SIGN_IN_AGAIN_URL = withBase(
  `/auth/login?${new URLSearchParams({ returnTo: '/signed-in' }).toString()}`,
);

export function announceSignedIn(): void {
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(SIGNED_IN_CHANNEL);
    channel.postMessage({ type: SIGNED_IN_MESSAGE });
    channel.close();
  }
  try {
    const opener = window.opener as Window | null;
    opener?.postMessage({ type: SIGNED_IN_MESSAGE }, window.location.origin);
  } catch {
    // An opener of another origin (or none): the channel above is enough.
  }
}

function isSignedInMessage(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === SIGNED_IN_MESSAGE
  );
}

/** Calls `onSignedIn` when another window of this origin says the user signed in. */
export function onSignedInElsewhere(onSignedIn: () => void): () => void {
  const onMessage = (event: MessageEvent) => {
    // Only this console's own pages may say so: a message from any other origin is ignored.
    if (event.origin !== window.location.origin || !isSignedInMessage(event.data)) return;
    onSignedIn();
  };
  window.addEventListener('message', onMessage);
  let channel: BroadcastChannel | undefined;
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(SIGNED_IN_CHANNEL);
    channel.onmessage = (event: MessageEvent) => {
      if (isSignedInMessage(event.data)) onSignedIn();
    };
  }
  return () => {
    window.removeEventListener('message', onMessage);
    channel?.close();
  };
}
