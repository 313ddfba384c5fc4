/** The messages GitLab prints when a push to a protected branch is refused. */
export const PROTECTED_BRANCH_MESSAGES = {
  push: 'You are not allowed to push code to protected branches on this project.',
  forcePush: 'You are not allowed to force push code to a protected branch on this project.',
  delete: 'You are not allowed to delete protected branches from this project.',
} as const;

/**
 * A pre-receive hook doing what GitLab's does for protected branches, so a refused push is a
 * proper Git error (`! [remote rejected] main -> main (pre-receive hook declined)`).
 * The HTTP server passes who pushes: GL_ID, GL_USER_ACCESS_LEVEL and
 * GL_PROTECTED_BRANCHES (`name:push_level` pairs, comma-separated; names may be wildcards). A push that does not
 * come through the server (no GL_ID, e.g. an administrator on the file system) is allowed.
 */
export const PRE_RECEIVE_HOOK = `#!/bin/sh
# Installed by apps/local-gitlab on every start; edits are overwritten.
[ -n "$GL_ID" ] || exit 0
# No pathname expansion: protected branch names may be wildcards like release/*.
set -f
level="\${GL_USER_ACCESS_LEVEL:-0}"
zero=0000000000000000000000000000000000000000
status=0
# The list is split on commas by the shell itself: a pipe through tr is one process more per push.
default_ifs=$IFS
while read -r old new ref; do
  case "$ref" in
    refs/heads/*) branch="\${ref#refs/heads/}" ;;
    *) continue ;;
  esac
  IFS=,
  for entry in $GL_PROTECTED_BRANCHES; do
    IFS=$default_ifs
    name="\${entry%:*}"
    push="\${entry##*:}"
    case "$branch" in
      $name) ;;
      *) continue ;;
    esac
    if [ "$level" -lt "$push" ]; then
      echo "GitLab: ${PROTECTED_BRANCH_MESSAGES.push}" >&2
      status=1
    elif [ "$new" = "$zero" ]; then
      echo "GitLab: ${PROTECTED_BRANCH_MESSAGES.delete}" >&2
      status=1
    elif [ "$old" != "$zero" ] && ! git merge-base --is-ancestor "$old" "$new" 2>/dev/null; then
      echo "GitLab: ${PROTECTED_BRANCH_MESSAGES.forcePush}" >&2
      status=1
    fi
  done
  IFS=$default_ifs
done
exit $status
`;
