/**
 * Kubeconfigs for tests: one per way of authenticating, several contexts, odd servers.
 * Credentials are fake.
 */
export const MULTI_CONTEXT_KUBECONFIG = `apiVersion: v1
kind: Config
current-context: prod
clusters:
  - name: prod-cluster
    cluster:
      server: https://203.0.113.10:6443
      certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
  - name: staging-cluster
    cluster:
      server: https://staging.example.com
      insecure-skip-tls-verify: true
  - name: kind-cluster
    cluster:
      server: https://127.0.0.1:40123
      certificate-authority: /home/me/.kind/ca.crt
  - name: eks-cluster
    cluster:
      server: https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com
      certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
  - name: ipv6-cluster
    cluster:
      server: https://[::1]:6443
  - name: gke-cluster
    cluster:
      server: https://localhost:8443
contexts:
  - name: prod
    context:
      cluster: prod-cluster
      user: token-user
      namespace: apps
  - name: staging
    context:
      cluster: staging-cluster
      user: basic-user
  - name: kind
    context:
      cluster: kind-cluster
      user: cert-user
  - name: eks
    context:
      cluster: eks-cluster
      user: exec-user
  - name: ipv6
    context:
      cluster: ipv6-cluster
      user: nobody
  - name: gke
    context:
      cluster: gke-cluster
      user: provider-user
  - name: dangling
    context:
      cluster: missing-cluster
      user: missing-user
users:
  - name: token-user
    user:
      token: fake-token
  - name: basic-user
    user:
      username: admin
      password: fake-password
  - name: cert-user
    user:
      client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
      client-key-data: LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0t
  - name: exec-user
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: aws
        args: [eks, get-token, --cluster-name, prod]
  - name: provider-user
    user:
      auth-provider:
        name: gcp
        config:
          access-token: fake
  - name: nobody
    user: {}
`;

export const NO_CLUSTERS_KUBECONFIG = `apiVersion: v1
kind: Config
clusters: []
contexts: []
users:
  - name: u
    user:
      token: fake
`;

export const NO_USERS_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: c
    cluster:
      server: https://203.0.113.10:6443
contexts: []
`;

/** The same kubeconfig written as JSON, which is valid YAML and which kubectl accepts. */
export const JSON_KUBECONFIG = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [{ name: 'c', cluster: { server: 'https://203.0.113.10:6443' } }],
  contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
  users: [{ name: 'u', user: { tokenFile: '/var/run/token' } }],
});
