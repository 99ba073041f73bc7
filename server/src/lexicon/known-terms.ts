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
  // Internet standards by their RFC names: DNSSEC (RFC 4033), DANE (6698), DKIM (6376), SPF (7208), DMARC (7489),
  // EDNS (6891), TSIG (8945), HPACK (7541), QPACK (9204), OCSP (6960), CRL and PKIX (5280), PKCS (8017), CBOR (8949),
  // COSE (9052), JOSE (7165), SCIM (7643), WEBDAV (4918), SASL (4422), GSSAPI (2743), PKCE (7636), HOTP (4226),
  // EAP (3748), RADIUS (2865), SNMP (3411), OSPF (2328), IPSEC (4301), IKE (7296), PPP (1661), NDP (4861),
  // SLAAC (4862), STUN (8489), TURN (8656), ICE (8445), SIP (3261), SDP (8866), RTP and RTCP (3550), SRTP (3711),
  // DTLS (9147), XMPP (6120), HSTS (6797), IDN and IDNA (5890), IRI (3987), ABNF (5234), BFD (5880), MPLS (3031),
  // VRRP (5798), GRE (2784), ECN (3168), SACK (2018), MPTCP (8684), WHOIS (3912), RDAP (9082), NTS (8915),
  // ACME (8555), SCEP (8894), CMS (5652), COAP (7252), LDAPS (4513), IMAPS and POP3S (8314)
  'DNSSEC', 'DANE', 'DKIM', 'SPF', 'DMARC', 'EDNS', 'TSIG', 'HPACK', 'QPACK', 'OCSP', 'CRL', 'PKIX', 'PKCS', 'CBOR', 'COSE', 'JOSE',
  'SCIM', 'WEBDAV', 'SASL', 'GSSAPI', 'PKCE', 'HOTP', 'EAP', 'RADIUS', 'SNMP', 'OSPF', 'IPSEC', 'IKE', 'PPP', 'NDP', 'SLAAC', 'STUN',
  'TURN', 'ICE', 'SIP', 'SDP', 'RTP', 'RTCP', 'SRTP', 'DTLS', 'XMPP', 'HSTS', 'IDN', 'IDNA', 'IRI', 'ABNF', 'BFD', 'MPLS', 'VRRP', 'GRE',
  'ECN', 'SACK', 'MPTCP', 'WHOIS', 'RDAP', 'NTS', 'ACME', 'SCEP', 'CMS', 'COAP', 'LDAPS', 'IMAPS', 'POP3S',
  // W3C and WHATWG standards (w3.org/TR): WCAG, WAI-ARIA, XSLT, XPath, XML Schema (XSD), XHTML, RDF, OWL, SPARQL,
  // SMIL, WOFF, CSSOM, server-sent events (SSE, HTML Living Standard 9.2); ISO/IEC, ITU-T and IEEE: ASN.1 encodings
  // (BER, DER, PER, X.690), MPEG, AVC and HEVC (ITU-T H.264, H.265), IEC, LLDP (IEEE 802.1AB), STP (802.1D),
  // the Unicode Consortium's CLDR, ICU, UCA and UAX
  'WCAG', 'ARIA', 'XSLT', 'XPATH', 'XSD', 'XHTML', 'RDF', 'OWL', 'SPARQL', 'SMIL', 'WOFF', 'CSSOM', 'SSE', 'BER', 'DER', 'MPEG', 'AVC',
  'HEVC', 'IEC', 'LLDP', 'STP', 'CLDR', 'ICU', 'UCA', 'UAX',
  // Cryptography standards: AEAD (RFC 5116), ECDH, ECDHE and DHE (NIST SP 800-56A, RFC 8446), PSK (RFC 4279), HKDF and
  // KDF (RFC 5869), PBKDF (RFC 8018), GCM, CBC, CTR, ECB and CMAC (NIST SP 800-38A/B/D), OAEP and PSS (RFC 8017), ECC and
  // DSA (FIPS 186), FIPS (NIST Federal Information Processing Standards)
  'AEAD', 'ECDH', 'ECDHE', 'DHE', 'PSK', 'HKDF', 'KDF', 'PBKDF', 'GCM', 'CBC', 'ECB', 'CMAC', 'OAEP', 'PSS', 'ECC', 'DSA', 'FIPS',
  // POSIX.1-2017 error numbers (<errno.h>) and signals (<signal.h>, with the common Linux and BSD ones of signal(7))
  'EACCES', 'EADDRINUSE', 'EAFNOSUPPORT', 'EAGAIN', 'EALREADY', 'EBADF', 'EBADMSG', 'EBUSY', 'ECANCELED', 'ECHILD',
  'ECONNABORTED', 'ECONNREFUSED', 'ECONNRESET', 'EDEADLK', 'EDOM', 'EDQUOT', 'EEXIST', 'EFAULT', 'EFBIG', 'EHOSTUNREACH', 'EIDRM',
  'EILSEQ', 'EINPROGRESS', 'EINTR', 'EINVAL', 'EIO', 'EISCONN', 'EISDIR', 'ELOOP', 'EMFILE', 'EMLINK', 'EMSGSIZE', 'EMULTIHOP',
  'ENETDOWN', 'ENETRESET', 'ENETUNREACH', 'ENFILE', 'ENOBUFS', 'ENODATA', 'ENODEV', 'ENOENT', 'ENOEXEC', 'ENOLCK', 'ENOLINK',
  'ENOMEM', 'ENOMSG', 'ENOSPC', 'ENOSR', 'ENOSTR', 'ENOSYS', 'ENOTCONN', 'ENOTDIR', 'ENOTEMPTY', 'ENOTSOCK', 'ENOTSUP', 'ENOTTY',
  'ENXIO', 'EOPNOTSUPP', 'EOVERFLOW', 'EOWNERDEAD', 'EPERM', 'EPIPE', 'EPROTO', 'ERANGE', 'EROFS', 'ESPIPE', 'ESRCH', 'ESTALE',
  'ETIME', 'ETIMEDOUT', 'ETXTBSY', 'EWOULDBLOCK', 'EXDEV',
  'SIGABRT', 'SIGALRM', 'SIGBUS', 'SIGCHLD', 'SIGCONT', 'SIGFPE', 'SIGHUP', 'SIGILL', 'SIGINT', 'SIGKILL', 'SIGPIPE', 'SIGQUIT',
  'SIGSEGV', 'SIGSTOP', 'SIGTERM', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGUSR', 'SIGPOLL', 'SIGPROF', 'SIGSYS', 'SIGTRAP', 'SIGURG',
  'SIGVTALRM', 'SIGXCPU', 'SIGXFSZ', 'SIGWINCH', 'SIGINFO', 'SIGPWR', 'SIGIO',
  // ASCII control characters of three letters (RFC 20, ECMA-6)
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'BEL', 'DLE', 'NAK', 'ETB', 'SUB', 'ESC', 'DEL',
  // Platforms and programming vocabulary in general use (the Node.js glossary, nodejs/node glossary.md; Microsoft's
  // MS-DTYP for UNC paths): ECMAScript (ES) and its module systems, object-oriented programming, resident set size, ...
  'ES', 'ESM', 'CJS', 'MDN', 'OOB', 'OOP', 'RAII', 'RSS', 'SMP', 'MVC', 'WPT', 'PPC', 'DLL', 'UNC', 'GNU', 'WSL', 'AFAICT', 'IIUC', 'SGTM',
  // The Test Anything Protocol (testanything.org) that test runners print
  'TAP',
  // General computing and IT abbreviations (Wikipedia, "List of computing and IT abbreviations"; FOLDOC, the Free
  // On-line Dictionary of Computing), and the AWS and Google Cloud service abbreviations of their own documentation
  'ADC', 'AGP', 'AJAX', 'ALU', 'AOP', 'APK', 'APT', 'ASIC', 'ASP', 'ATA', 'ATM', 'AWT', 'BASH', 'BFS', 'BPF', 'EBPF', 'BSOD',
  'CAD', 'CAPTCHA', 'CGI', 'CISC', 'CLR', 'CMOS', 'COBOL', 'CORBA', 'CPAN', 'CRT', 'CTO', 'CEO', 'CFO', 'DBMS', 'DDL', 'DML',
  'DFS', 'DIMM', 'DRAM', 'DRM', 'DSP', 'DTD', 'DVD', 'EBCDIC', 'EDA', 'EEPROM', 'EJB', 'EPUB', 'ESB', 'FPGA', 'FPU', 'FQDN',
  'FSF', 'FSM', 'GPGPU', 'GRUB', 'HAL', 'HDMI', 'HPC', 'IIS', 'IOPS', 'IPX', 'IRC', 'ISA', 'ISP', 'JDBC', 'JDK', 'JRE', 'JSP',
  'KVM', 'LAMP', 'LCD', 'LED', 'LUN', 'LVM', 'LZW', 'MBR', 'MIDI', 'MIPS', 'MPI', 'MSB', 'LSB', 'MSI', 'ODBC', 'OLE', 'OTA',
  'PCB', 'PDA', 'PERL', 'PXE', 'RDBMS', 'RFID', 'RGB', 'RGBA', 'RTOS', 'SATA', 'SCSI', 'SOA', 'SRAM', 'TFTP', 'UART', 'UML',
  'UPS', 'VCS', 'VNC', 'VPS', 'VRAM', 'WYSIWYG', 'CVS', 'SVN', 'SPOF', 'YAGNI', 'TDD', 'BDD', 'DDD', 'CQRS', 'HCI', 'ICT', 'ISV',
  'JAR', 'JNI', 'NOC', 'OEM', 'RCA', 'RCE', 'ROI', 'SCM', 'SDLC', 'UAT', 'VDI', 'WSGI', 'XHR', 'EBS', 'EFS', 'ECR', 'AMI', 'ARN',
  'SES', 'CDK', 'GCS', 'GCE', 'AZ', 'JMX', 'JVMTI', 'SMART',
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

/**
 * File names that repositories and build tools fix by convention, written in capitals ("see the
 * README", "add an entry to the CHANGELOG"): the GNU Coding Standards' release files (README, NEWS,
 * ChangeLog, COPYING, INSTALL, AUTHORS, THANKS), GitHub's community health files (CODE_OF_CONDUCT,
 * CONTRIBUTING, FUNDING, GOVERNANCE, SECURITY, SUPPORT, CODEOWNERS, CITATION), licence notices
 * (LICENSE, NOTICE), Kubernetes-style OWNERS files, Bazel's BUILD and WORKSPACE and the build files
 * named after their tool (Makefile, Dockerfile, Jenkinsfile, Procfile, Vagrantfile, Justfile).
 * Upper-cased for matching.
 */
export const CONVENTIONAL_FILES: ReadonlySet<string> = new Set([
  'README', 'NEWS', 'CHANGELOG', 'CHANGES', 'COPYING', 'INSTALL', 'AUTHORS', 'THANKS', 'CONTRIBUTORS', 'CONTRIBUTING', 'FUNDING',
  'GOVERNANCE', 'SECURITY', 'SUPPORT', 'CODEOWNERS', 'CITATION', 'LICENSE', 'LICENCE', 'NOTICE', 'OWNERS', 'MAINTAINERS', 'HACKING',
  'TODO', 'BUILD', 'WORKSPACE', 'MAKEFILE', 'DOCKERFILE', 'JENKINSFILE', 'PROCFILE', 'VAGRANTFILE', 'JUSTFILE', 'VERSION', 'MANIFEST',
]);
