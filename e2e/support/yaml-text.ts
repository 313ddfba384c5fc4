/** A block of text indented by `spaces`, for YAML literal blocks (`kubeconfig: |`) in test files. */
export const indented = (text: string, spaces: number) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
