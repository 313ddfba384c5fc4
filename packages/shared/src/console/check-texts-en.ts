/**
 * The connection check's words in English, by code: the BFF writes each result's `message` from
 * these (check-text.ts), and a reader in another language has the same keys in its own words
 * (the web: `connectionCheck.texts` in its zh-CN locale). `{{name}}` is a param; a param
 * `<name>_code` names another key here, whose words fill `{{name}}`.
 */
export const CHECK_TEXTS_EN = {
  reachable: {
    ok: '{{where}} accepts connections.',
    refused: 'Nothing accepts connections at {{where}}: check the address and port.',
    timeout:
      '{{where}} did not answer within {{seconds}} s: a firewall may drop the traffic, or the address is wrong.',
    failed: 'Could not connect to {{where}} ({{error}}).',
    address_refused: 'Refused: {{reason}}{{carried}}.',
    name_refused: 'Refused: {{kind}}, and {{name}} resolves to it.',
  },
  where: {
    address: '{{host}}:{{port}}',
    name: '{{host}} ({{address}}) port {{port}}',
  },
  dns: {
    not_found: 'The name {{name}} does not resolve (DNS has no address for it).',
    timeout:
      "The name {{name}} did not resolve in time: no DNS answer within {{seconds}} s. Check the name, or use the API server's address.",
    failed: 'The name {{name}} could not be resolved.',
    failed_code: 'The name {{name}} could not be resolved ({{error}}).',
    no_address: 'The name {{name}} resolves to no address.',
  },
  /** Why an address the user wrote is refused (it is named). */
  reasons: {
    say: '{{reason}}{{carried}}',
    not_ip: '{{address}} is not an IP address',
    protected: "{{address}}:{{port}} is the console's own address or one of its services",
    outside_allowed:
      '{{address}} is outside the networks the console may check (CONNECTION_CHECK_ALLOWED_NETWORKS)',
    refused_range:
      '{{address}} is {{range}}; the console does not check such addresses unless CONNECTION_CHECK_ALLOWED_NETWORKS names it',
    carried: ' (carried inside {{carrier}})',
  },
  /** What a name resolved to, without naming the address. */
  kinds: {
    protected: 'an address and port the console does not check',
    outside_allowed:
      'an address outside the networks the console may check (CONNECTION_CHECK_ALLOWED_NETWORKS)',
    refused_range:
      '{{range}}, which the console does not check unless CONNECTION_CHECK_ALLOWED_NETWORKS names it',
  },
  ranges: {
    this_network: 'a "this network" address',
    loopback: 'a loopback address (this machine)',
    link_local_metadata: 'a link-local address (where cloud metadata services answer)',
    cloud_metadata: 'a cloud metadata address',
    shared_nat: 'a shared (carrier-grade NAT) address',
    ietf_protocol: 'an IETF protocol address',
    benchmarking: 'a benchmarking address',
    multicast: 'a multicast address',
    reserved: 'a reserved address',
    unspecified: 'the unspecified address',
    link_local: 'a link-local address',
    ipv4_compatible:
      'an IPv4-compatible IPv6 address (deprecated; it reaches IPv4 addresses unchecked)',
    ipv4_translated: 'an IPv4-translated address (it reaches IPv4 addresses unchecked)',
    nat64: 'a NAT64 address (it reaches IPv4 addresses unchecked)',
    nat64_local: 'a local-use NAT64 address (it reaches IPv4 addresses unchecked)',
    six_to_four: 'a 6to4 address (it reaches IPv4 addresses unchecked)',
    teredo: 'a Teredo address (it reaches IPv4 addresses unchecked)',
  },
  tls: {
    plain_http:
      'Plain http: nothing is encrypted or verified (allowed by CONNECTION_CHECK_ALLOW_HTTP).',
    timeout:
      'The server accepted the connection but did not complete a TLS handshake in time: is this port an API server?',
    handshake_failed: 'The TLS handshake failed: is this port an https API server?',
    ok: "The server's certificate is valid for {{name}} and verified with {{authorities}}.",
    failed: '{{why}}',
    insecure_would_fail:
      'Not verified: the kubeconfig sets insecure-skip-tls-verify, so anyone between the console and the cluster could pose as it. Verification would fail: {{why}}.',
    insecure_would_verify:
      'Not verified: the kubeconfig sets insecure-skip-tls-verify, so anyone between the console and the cluster could pose as it. Its certificate would verify with {{authorities}}; remove insecure-skip-tls-verify.',
  },
  authorities: {
    kubeconfig_ca: "the kubeconfig's CA",
    system_cas: "the system's CAs (the kubeconfig has no CA)",
  },
  /** Why a certificate does not verify (no full stop: a result may go on after it). */
  tls_reasons: {
    unknown_authority:
      "The server's certificate is signed by an unknown authority: it does not verify with {{authorities}}. Use the cluster's CA in certificate-authority-data",
    expired: "The server's certificate has expired: renew the API server certificate",
    not_yet_valid:
      "The server's certificate is not valid yet: check the clocks of the cluster and the console",
    name_mismatch:
      "The server's certificate is not for {{name}} (name mismatch): use a name or address the certificate lists, or set tls-server-name",
    other: "The server's certificate does not verify ({{error}})",
  },
  /** Any request's failure; `what` is the request (GET /version, SelfSubjectReview, ...). */
  request: {
    timeout: 'The server did not answer {{what}} in time: {{error}}.',
    too_large: 'The answer to {{what}} was too large: {{error}}.',
    failed: '{{what}} failed: {{error}}.',
    redirect:
      "The server answered {{what}} with a redirect; the console does not follow redirects. Use the API server's own URL.",
    redirect_to:
      "The server answered {{what}} with a redirect to {{location}}; the console does not follow redirects. Use the API server's own URL.",
    unauthorized:
      'The server does not accept these credentials (401 Unauthorized): the token or client certificate is wrong, expired or revoked.',
    forbidden: 'The server refused {{what}} (403 Forbidden), so this is unknown.',
    review_forbidden:
      'The user may not even ask what it may do (403 to SelfSubjectAccessReview): Nautes will not be able to install anything.',
    http_status: 'The server answered {{what}} with HTTP {{status}}.',
    unreadable: 'The server answered in a way the console cannot read.',
  },
  version: {
    ok: 'Kubernetes {{version}} answers.',
    not_kubernetes:
      'The server answered GET /version, but not as a Kubernetes API server does: check the URL.',
  },
  identity: {
    ok: 'The credentials ({{credential}}) are the user {{user}}.',
    no_review:
      'Who the credentials are is unknown: this server is older than Kubernetes 1.28 and has no SelfSubjectReview.',
    unknown: 'Who the credentials are is unknown: the server did not say.',
  },
  credentials: {
    client_certificate: 'client certificate',
    bearer_token: 'bearer token',
    basic_auth: 'basic auth',
    none: 'none',
  },
  /** What in the kubeconfig's TLS material or headers cannot be used. */
  material: {
    ca_not_certificate:
      "The kubeconfig's certificate-authority-data is not a certificate (it must be the base64 of a PEM certificate): copy it again from the cluster's kubeconfig.",
    key_without_certificate:
      'The kubeconfig has client-key-data but no client-certificate-data: a client certificate needs both.',
    certificate_without_key:
      'The kubeconfig has client-certificate-data but no client-key-data: a client certificate needs both.',
    certificate_invalid:
      "The kubeconfig's client-certificate-data is not a certificate (it must be the base64 of a PEM certificate): copy it again.",
    key_invalid:
      "The kubeconfig's client-key-data is not a private key (it must be the base64 of a PEM key): copy it again.",
    key_mismatch:
      "The kubeconfig's client-key-data does not belong to its client-certificate-data: copy both from the same kubeconfig.",
    header_invalid:
      "The kubeconfig's {{source}} contains a line break or another character no HTTP header may carry: copy it again without line breaks.",
  },
  header_sources: {
    token: 'token (or user name and password)',
    impersonation: 'impersonation (as, as-groups)',
    other: '{{header}} value',
  },
  permissions: {
    ok: 'The user may create namespaces, cluster roles and custom resource definitions cluster-wide, as Nautes needs.',
    missing:
      'The user may not create {{words}} cluster-wide: installing {{fails}} will fail. Use a user with cluster-admin rights.',
  },
  /** `permissions.missing`'s `denied` param lists these keys, comma-separated. */
  permission_words: {
    namespaces: 'namespaces',
    clusterroles: 'cluster roles',
    customresourcedefinitions: 'custom resource definitions',
  },
  permission_fails: {
    namespaces: 'the namespaces of ArgoCD, Tekton, HNC and the other components',
    clusterroles: "the components' cluster roles (ArgoCD, Tekton, HNC)",
    customresourcedefinitions:
      "the components' custom resources (ArgoCD Applications, Tekton Pipelines, HNC)",
  },
  separators: { words: ', ', clauses: '; ' },
  skipped: {
    kubeconfig: 'Skipped: {{error}}',
    no_context: 'Skipped: The kubeconfig has no context; keep the context for this cluster.',
    unreachable: 'Skipped: the server is not reachable.',
    tls_failed: 'Skipped: TLS did not verify, so the console sent no credentials to this server.',
    https_only: 'Skipped: the console speaks to Kubernetes over https only.',
    not_kubernetes: 'Skipped: the server did not answer as a Kubernetes API server.',
    credentials_unusable:
      "Skipped: the kubeconfig's credentials cannot be used, so none were sent.",
    credentials_elsewhere: 'Skipped: {{destination}}',
    credentials_from_program:
      'Skipped: the kubeconfig gets its credentials from a program (exec plugin or auth provider), which the console never runs.',
  },
  /** Where the kubeconfig's credentials went (the BFF's credential-destination.ts). */
  destination: {
    sent: 'credentials sent to {{api_server}} as you confirmed for this check: {{whose}}, the API server field is {{field}}.',
    not_sent:
      "credentials not sent: {{whose}}, the API server field is {{field}}. A kubeconfig's token, password or client certificate go only to its own server unless you confirm {{api_server}} for this check.",
    kubeconfig_for: 'the kubeconfig is for {{kubeconfig}}',
    kubeconfig_no_server: 'the kubeconfig names no server',
  },
  /** What in the kubeconfig was deliberately not used. */
  notes: {
    credentials_sent:
      'Credentials sent to {{api_server}} as you confirmed for this check: {{whose}}, the API server field is {{field}}.',
    credentials_not_sent:
      "Credentials not sent: {{whose}}, the API server field is {{field}}. A kubeconfig's token, password or client certificate go only to its own server unless you confirm {{api_server}} for this check.",
    certificate_authority_file:
      'certificate-authority (a file path) was ignored: files on the console server are never read',
    proxy_url: 'proxy-url was ignored: the check connects directly',
    exec: 'The exec credential plugin was not run: the console never runs programs from a kubeconfig. The identity and permission checks ran without credentials.',
    auth_provider:
      'The auth provider was not run: the console never runs auth providers from a kubeconfig. The identity and permission checks ran without credentials.',
    file_ignored: '{{field}} (a file path) was ignored: files on the console server are never read',
    token_file: '{{field}} was ignored: files on the console server are never read',
  },
  /** The request's own problems (400), on the field they concern. */
  request_fields: {
    api_server_required: 'api_server is the API server URL, e.g. https://10.0.0.5:6443',
    kubeconfig_required: 'kubeconfig is the reduced kubeconfig YAML, as text',
    confirm_invalid: 'confirm_credentials_for is the API server host:port, e.g. 10.0.0.5:6443',
    api_server_not_url: '"{{value}}" is not a URL; write it as https://host:port.',
    api_server_http:
      'The API server URL must be https: the console checks only https API servers (CONNECTION_CHECK_ALLOW_HTTP allows http).',
    api_server_scheme: 'The API server URL must be https://, not {{protocol}}//.',
    api_server_credentials: 'The API server URL must not contain a user name or password.',
    api_server_no_host: 'The API server URL has no host.',
    confirm_other_address:
      "confirm_credentials_for must be the API server's host and port, {{address}}: a confirmation is for that address only.",
  },
} as const;
