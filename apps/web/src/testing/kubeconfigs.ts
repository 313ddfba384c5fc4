/** Small kubeconfigs for tests, each showing one thing the wizard must notice. */
export function kubeconfig({
  server = 'https://10.1.2.3:6443',
  user = { token: 'secret-token-value' },
  insecure = false,
  contexts = ['admin@prod'],
}: {
  server?: string;
  user?: Record<string, string | Record<string, string>>;
  insecure?: boolean;
  contexts?: string[];
} = {}): string {
  const userYaml = Object.entries(user)
    .map(([key, value]) =>
      typeof value === 'object'
        ? `    ${key}:\n${Object.entries(value)
            .map(([k, v]) => `      ${k}: ${v}`)
            .join('\n')}`
        : `    ${key}: ${value}`,
    )
    .join('\n');
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    ...contexts.flatMap((name, index) => [
      `- name: cluster-${index}`,
      '  cluster:',
      `    server: ${index === 0 ? server : `https://10.9.9.${index}:6443`}`,
      insecure
        ? '    insecure-skip-tls-verify: true'
        : '    certificate-authority-data: LS0tLS1CRUdJTg==',
    ]),
    'contexts:',
    ...contexts.flatMap((name, index) => [
      `- name: ${name}`,
      '  context:',
      `    cluster: cluster-${index}`,
      '    user: admin',
    ]),
    `current-context: ${contexts[0]}`,
    'users:',
    '- name: admin',
    '  user:',
    userYaml,
    '',
  ].join('\n');
}
