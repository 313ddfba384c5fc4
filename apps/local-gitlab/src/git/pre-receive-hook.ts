/** The messages GitLab prints when a push to a protected branch is refused. */
export const PROTECTED_BRANCH_MESSAGES = {
  push: 'You are not allowed to push code to protected branches on this project.',
  forcePush: 'You are not allowed to force push code to a protected branch on this project.',
  delete: 'You are not allowed to delete protected branches from this project.',
} as const;

/**
 * The pre-receive hook. It carries out what the server decided (protected-branches.ts), so
 * that a refused push is a proper Git error (`! [remote rejected] main -> main (pre-receive
 * hook declined)`, `remote: GitLab: ...`), as GitLab's hook carries out what its Rails decides:
 * - GL_REFUSAL: the refusal, printed as it is, and the push is declined;
 * - GL_FAST_FORWARD_ONLY: protected branches (refs, space-separated) that may only move
 *   forward, checked here with `git merge-base` because that needs the pushed commits.
 * The server runs git without the hook when it sets neither. A push that does not come
 * through the server (e.g. an administrator on the file system) sets neither and passes.
 */
export const PRE_RECEIVE_HOOK = `#!/bin/sh
# Installed by apps/local-gitlab on every start; edits are overwritten.
if [ -n "$GL_REFUSAL" ]; then
  printf '%s\\n' "$GL_REFUSAL" >&2
  exit 1
fi
[ -n "$GL_FAST_FORWARD_ONLY" ] || exit 0
zero=0000000000000000000000000000000000000000
status=0
while read -r old new ref; do
  case " $GL_FAST_FORWARD_ONLY " in
    *" $ref "*) ;;
    *) continue ;;
  esac
  if [ "$old" != "$zero" ] && [ "$new" != "$zero" ] && ! git merge-base --is-ancestor "$old" "$new" 2>/dev/null; then
    echo "GitLab: ${PROTECTED_BRANCH_MESSAGES.forcePush}" >&2
    status=1
  fi
done
exit $status
`;
