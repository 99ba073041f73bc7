/**
 * Acronyms and names an engineer new to a project already knows, so the undefined-term rule never asks
 * for their definition: web and data standards, units, time zones, common engineering and
 * security vocabulary, and widely used public products. Project-specific vocabulary comes from
 * the project vocabulary file instead (see the rule docs).
 */

/** Upper-case acronyms; plurals ("APIs", "IDs") are matched through their singular. */
export const COMMON_ACRONYMS: ReadonlySet<string> = new Set([
  // Web, protocols and formats
  'HTTP', 'HTTPS', 'HTML', 'CSS', 'JSON', 'JSONL', 'NDJSON', 'XML', 'YAML', 'TOML', 'CSV', 'TSV', 'PDF', 'PNG', 'JPEG', 'JPG', 'GIF',
  'SVG', 'MIME', 'URL', 'URI', 'URN', 'REST', 'RPC', 'GRPC', 'SOAP', 'API', 'SDK', 'CLI', 'GUI', 'UI', 'UX', 'IDE', 'TCP', 'UDP', 'IP',
  'DNS', 'TLS', 'SSL', 'SSH', 'FTP', 'SFTP', 'SMTP', 'IMAP', 'POP', 'MQTT', 'AMQP', 'CDN', 'VPN', 'LAN', 'WAN', 'CORS', 'CSP', 'WS',
  'ASCII', 'UTF', 'ISO', 'RFC', 'IETF', 'W3C', 'IEEE', 'ANSI', 'UNIX', 'POSIX', 'OS', 'CPU', 'GPU', 'RAM', 'SSD', 'HDD', 'IO', 'VM',
  'DOM', 'SPA', 'SEO', 'WASM', 'GZIP', 'ZIP', 'TAR', 'EOF', 'EOL', 'LF', 'CR', 'CRLF', 'BOM', 'HEX', 'NFC', 'NFD', 'NFKC', 'NFKD', 'IPV4', 'IPV6',
  // The Unicode Standard's planes (chapter 2.8): the Basic Multilingual Plane
  'BMP',
  // HTTP methods
  'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT',
  // Data and storage
  'SQL', 'DB', 'DBA', 'ORM', 'ACID', 'CRUD', 'ETL', 'ELT', 'OLTP', 'OLAP', 'TTL', 'LRU', 'FIFO', 'LIFO', 'UUID', 'GUID', 'ULID', 'ID',
  'PK', 'FK', 'BLOB', 'NULL', 'JSONB', 'CDC', 'DLQ', 'KV', 'ISBN',
  // Engineering process
  'CI', 'CD', 'PR', 'MR', 'QA', 'QE', 'E2E', 'MVP', 'POC', 'SLA', 'OKR', 'KPI', 'FAQ', 'TBD', 'TODO', 'FIXME', 'TBA', 'TBC', 'WIP', 'ETA', 'EOD',
  'LTS', 'GA', 'RC', 'OSS', 'MIT', 'BSD', 'GPL', 'ADR', 'NFR', 'DOD', 'AC', 'REQ', 'FR', 'RACI', 'SRE', 'DEVOPS', 'ASAP', 'FYI', 'OK',
  'PS', 'NB', 'IE', 'EG', 'VS', 'AKA', 'TL', 'DR', 'TLDR', 'N/A', 'NA', 'US', 'USA', 'UK', 'EU', 'UN',
  // Security and identity
  'AUTH', 'OAUTH', 'OIDC', 'SAML', 'SSO', 'MFA', '2FA', 'OTP', 'TOTP', 'JWT', 'JWS', 'JWE', 'JWK', 'HMAC', 'SHA', 'MD5', 'AES', 'RSA',
  'ECDSA', 'PEM', 'X509', 'CA', 'CSR', 'PKI', 'RBAC', 'ABAC', 'ACL', 'IAM', 'KMS', 'HSM', 'CSRF', 'XSS', 'OWASP', 'CVE', 'PII', 'GDPR',
  'CCPA', 'HIPAA', 'PCI', 'DSS', 'SOC', 'MTLS', 'WAF', 'DDOS', 'DOS',
  // Units, time and money
  'UTC', 'GMT', 'CET', 'CEST', 'EST', 'EDT', 'PST', 'PDT', 'AM', 'PM', 'KB', 'MB', 'GB', 'TB', 'PB', 'KIB', 'MIB', 'GIB', 'TIB',
  'MS', 'QPS', 'RPS', 'TPS', 'RPM', 'P50', 'P90', 'P95', 'P99', 'P999', 'PGP', 'GPG', 'USD', 'EUR', 'GBP', 'JPY', 'CHF', 'VAT', 'IBAN', 'BIC', 'SKU',
  'B2B', 'B2C', 'CRM', 'ERP', 'POS', 'SMS', 'MMS', 'GPS',
  // Systems programming and operations
  'OOM', 'HA', 'DR', 'NFS', 'NTFS', 'EXT4', 'FUSE', 'NIC', 'ABI', 'AST', 'JIT', 'AOT', 'GC', 'FFI', 'UB', 'SIMD', 'AVX', 'LTO', 'PID',
  'UID', 'GID', 'TTY', 'IPC', 'NUMA', 'DMA', 'MMU', 'TLB', 'ICMP', 'ARP', 'NAT', 'SNAT', 'DNAT', 'BGP', 'VLAN', 'MTU', 'QOS', 'RTT',
  'ACK', 'SYN', 'LB', 'ELB', 'ALB', 'NLB', 'GDB', 'LLDB', 'ARM', 'X86', 'X64', 'AMD64', 'ARM64', 'RISC', 'CSPRNG', 'RNG', 'CRC',
  'BIOS', 'UEFI', 'USB', 'PCI', 'PCIE', 'LRU', 'RAID', 'SAN', 'NAS', 'CAS', 'MVCC', 'WAL', 'RPO', 'RTO', 'MTTR', 'MTBF',
  // Organisations and vendors
  'IANA', 'ICANN', 'CJK', 'DAG', 'CNCF', 'IBM', 'NVIDIA', 'AMD', 'INTEL', 'ASF', 'OSI', 'NIST', 'ECMA', 'WHATWG', 'OWASP',
  // Cloud and platforms everyone has met
  'AWS', 'GCP', 'S3', 'EC2', 'SQS', 'SNS', 'RDS', 'EKS', 'ECS', 'GKE', 'AKS', 'K8S', 'VPC', 'IOS', 'JS', 'TS', 'NPM', 'JVM', 'LLVM',
  'GCC', 'PHP', 'AI', 'ML', 'LLM', 'NLP', 'OCR', 'IOT', 'SAAS', 'PAAS', 'IAAS', 'SMB',
  // Linux namespaces and kernel interfaces (man 7 namespaces, man 7 cgroups, the kernel's LSM docs)
  'UTS', 'LSM', 'NET', 'CGROUP', 'PSI', 'ELF', 'ASLR', 'TPM',
  // Networking standards (IETF RFC 4632 CIDR, RFC 5905 NTP, RFC 4511 LDAP, RFC 9260 SCTP, RFC 7348 VXLAN,
  // RFC 6066 SNI, RFC 7301 ALPN, RFC 9000 QUIC, RFC 2131 DHCP; the Linux Virtual Server project's IPVS)
  'CIDR', 'NTP', 'LDAP', 'SCTP', 'VXLAN', 'SNI', 'ALPN', 'QUIC', 'DHCP', 'ECMP', 'MAC', 'RDMA', 'IPVS', 'IPAM', 'MDNS',
  // Security and supply chain (RFC 7517 JWK Set, NTIA SBOM minimum elements, SPIFFE, SLSA)
  'JWKS', 'SBOM', 'SPIFFE', 'SVID', 'SLSA', 'SAST', 'DAST',
  // Toolchains and developer tools (GNU make implicit variables, Microsoft C/C++, the Language Server Protocol)
  'CC', 'CXX', 'CPP', 'CFLAGS', 'MSVC', 'IR', 'REPL', 'LSP', 'WASI', 'DWARF', 'PDB', 'DSL', 'EBNF', 'BNF', 'REGEX',
  // Abbreviations of ordinary English in technical writing (The Jargon File; Merriam-Webster)
  'IMO', 'IMHO', 'AFAIK', 'IIRC', 'OTOH', 'OP', 'TBH', 'FWIW', 'LGTM', 'PTAL', 'WDYT', 'ETC', 'AKA', 'RIP',
]);

/** Words written with an initial capital that name public products or languages, not internal systems. */
export const COMMON_NAMES: ReadonlySet<string> = new Set([
  'kubernetes', 'docker', 'helm', 'terraform', 'ansible', 'linux', 'windows', 'macos', 'android', 'ios', 'apple', 'google', 'microsoft',
  'amazon', 'azure', 'github', 'gitlab', 'bitbucket', 'jira', 'confluence', 'slack', 'teams', 'zoom', 'stripe', 'paypal', 'adyen',
  'postgres', 'postgresql', 'mysql', 'mariadb', 'sqlite', 'oracle', 'redis', 'memcached', 'kafka', 'rabbitmq', 'nats', 'elasticsearch',
  'opensearch', 'mongodb', 'cassandra', 'dynamodb', 'bigquery', 'snowflake', 'spark', 'airflow', 'prometheus', 'grafana', 'datadog',
  'sentry', 'splunk', 'pagerduty', 'nginx', 'envoy', 'istio', 'node', 'deno', 'react', 'angular', 'vue', 'svelte', 'python', 'java',
  'kotlin', 'swift', 'rust', 'ruby', 'rails', 'django', 'flask', 'spring', 'cargo', 'chrome', 'chromium', 'firefox', 'safari', 'edge',
  'xcode', 'gradle', 'maven', 'webpack', 'vite', 'typescript', 'javascript', 'graphql', 'openapi', 'swagger', 'asyncapi', 'protobuf',
  'lambda', 'cloudflare', 'vercel', 'netlify', 'heroku', 'okta', 'auth0', 'keycloak', 'twilio', 'sendgrid', 'mailgun', 'salesforce',
  'hubspot', 'zendesk', 'shopify', 'excel', 'sheets', 'figma', 'vscode', 'git', 'unicode', 'markdown', 'openssl', 'vault', 'consul',
  'argo', 'jenkins', 'circleci', 'travis', 'buildkite', 'bazel', 'cmake', 'llvm', 'clang', 'webkit', 'electron', 'jest', 'mocha',
  'vitest', 'pytest', 'junit', 'selenium', 'playwright', 'cypress', 'openid', 'unix', 'posix', 'ethernet', 'wifi', 'bluetooth',
]);
