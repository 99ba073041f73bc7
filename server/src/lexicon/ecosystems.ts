/**
 * The published vocabulary of large open-source ecosystems. A design document written for one of
 * these projects (it names the project or links its sites) is read by that project's contributors,
 * for whom the project's glossary terms are established names, not jargon to expand: "PVC" in a
 * Kubernetes enhancement proposal, "MIR" in a Rust RFC. Each ecosystem lists only acronyms its own
 * reference glossary or specification defines, with the source.
 */
export interface Ecosystem {
  name: string;
  /** The document names the project in its prose. */
  named: RegExp;
  /** A link destination into the project's sites or repositories. */
  linked: RegExp;
  /** Languages of code blocks that only the project's own code is written in ("rust", "python"). */
  languages?: readonly string[];
  /** Acronym → expansion, as the sources give it. */
  terms: Readonly<Record<string, string>>;
  sources: readonly string[];
}

export const ECOSYSTEMS: readonly Ecosystem[] = [
  {
    name: 'Kubernetes',
    named: /\bKubernetes\b|\bk8s\b/i,
    linked: /\b(?:kubernetes\.io|k8s\.io|github\.com\/kubernetes(?:-sigs|-csi)?\/|github\.com\/container-storage-interface\/|github\.com\/containernetworking\/)/i,
    terms: {
      CRD: 'CustomResourceDefinition', CRI: 'Container Runtime Interface', CSI: 'Container Storage Interface', CNI: 'Container Network Interface',
      PV: 'PersistentVolume', PVC: 'PersistentVolumeClaim', HPA: 'HorizontalPodAutoscaler', VPA: 'VerticalPodAutoscaler', PDB: 'PodDisruptionBudget',
      PSP: 'PodSecurityPolicy', PSA: 'Pod Security Admission', SA: 'ServiceAccount', QOS: 'Quality of Service', CCM: 'cloud-controller-manager',
      KCM: 'kube-controller-manager', DRA: 'Dynamic Resource Allocation', CEL: 'Common Expression Language', APF: 'API Priority and Fairness',
      GVK: 'GroupVersionKind', GVR: 'GroupVersionResource', OCI: 'Open Container Initiative',
      // Community process (kubernetes/community governance, kubernetes/enhancements).
      SIG: 'Special Interest Group', WG: 'Working Group', KEP: 'Kubernetes Enhancement Proposal', PRR: 'Production Readiness Review',
      SLI: 'Service Level Indicator', SLO: 'Service Level Objective',
      // The CSI specification's terminology, and the CNI specification's plugin kinds.
      CO: 'Container Orchestrator', SP: 'Storage Provider', IPAM: 'IP Address Management',
    },
    sources: [
      'Kubernetes Glossary, https://kubernetes.io/docs/reference/glossary/',
      'Kubernetes community governance and SIG list, https://github.com/kubernetes/community',
      'Kubernetes Enhancement Proposals and Production Readiness Review, https://github.com/kubernetes/enhancements',
      'Kubernetes scalability SLIs/SLOs, https://github.com/kubernetes/community/tree/master/sig-scalability/slos',
      'Container Storage Interface specification, Terminology, https://github.com/container-storage-interface/spec',
      'Container Network Interface specification, https://github.com/containernetworking/cni',
    ],
  },
  {
    name: 'Rust',
    named: /\bRust\b|\brustc\b/,
    linked: /\b(?:rust-lang\.org|github\.com\/rust-lang\/|docs\.rs\b|crates\.io)/i,
    languages: ['rust', 'rs'],
    terms: {
      AST: 'abstract syntax tree', CTFE: 'compile-time function evaluation', DST: 'dynamically sized type', HIR: 'high-level IR',
      THIR: 'typed high-level IR', MIR: 'mid-level IR', ICE: 'internal compiler error', IR: 'intermediate representation',
      NLL: 'non-lexical lifetimes', UFCS: 'universal function call syntax', ZST: 'zero-sized type', RPIT: 'return-position impl Trait',
      TAIT: 'type alias impl Trait', HRTB: 'higher-ranked trait bound', WF: 'well-formed', LTO: 'link-time optimisation',
      FCP: 'final comment period',
    },
    sources: [
      'rustc dev guide, Glossary, https://rustc-dev-guide.rust-lang.org/appendix/glossary.html',
      'Rust RFC process (final comment period), https://github.com/rust-lang/rfcs',
    ],
  },
  {
    name: 'Swift',
    named: /\bSwift\b/,
    linked: /\b(?:swift\.org|github\.com\/(?:apple|swiftlang)\/swift)/i,
    languages: ['swift'],
    terms: {
      ARC: 'Automatic Reference Counting', SIL: 'Swift Intermediate Language', SE: 'Swift Evolution', SPM: 'Swift Package Manager',
    },
    sources: [
      'The Swift Programming Language, Automatic Reference Counting, https://docs.swift.org/swift-book/',
      'Swift compiler documentation (SIL), https://github.com/swiftlang/swift/tree/main/docs',
      'Swift Evolution process and Swift Package Manager, https://www.swift.org/',
    ],
  },
  {
    name: 'Python',
    named: /\bC?Python\b/,
    linked: /\b(?:python\.org|github\.com\/python\/)/i,
    languages: ['python', 'py', 'python3', 'pycon', 'ipython'],
    terms: {
      ABC: 'abstract base class', BDFL: 'Benevolent Dictator For Life', EAFP: 'easier to ask for forgiveness than permission',
      GIL: 'global interpreter lock', LBYL: 'look before you leap', MRO: 'method resolution order', PEP: 'Python Enhancement Proposal',
      PSF: 'Python Software Foundation', SC: 'Steering Council',
    },
    sources: ['Python Glossary, https://docs.python.org/3/glossary.html', 'PEP 1 and PEP 13 (governance), https://peps.python.org/'],
  },
  {
    name: 'Go',
    named: /\bGolang\b|\bthe Go (?:toolchain|compiler|command|team|project|language|runtime|spec|module)/,
    linked: /\b(?:go\.dev|golang\.org|github\.com\/golang\/)/i,
    languages: ['go', 'golang'],
    terms: {
      CL: 'change list', SSA: 'static single assignment', GOOS: 'target operating system', GOARCH: 'target architecture',
      GOPATH: 'workspace path', GOROOT: 'Go installation root', GOPROXY: 'module proxy', GOFLAGS: 'default go command flags',
      GODEBUG: 'runtime debug settings', GOTOOLCHAIN: 'toolchain selection', GOEXPERIMENT: 'toolchain experiments',
    },
    sources: ['Go contribution guide (CLs), https://go.dev/doc/contribute', 'go command environment variables, https://pkg.go.dev/cmd/go',
      'Go compiler SSA backend, https://github.com/golang/go/tree/master/src/cmd/compile'],
  },
  {
    name: 'Ethereum',
    named: /\bEthereum\b/,
    linked: /\b(?:ethereum\.org|github\.com\/ethereum\/|eips\.ethereum\.org)/i,
    languages: ['solidity', 'sol'],
    terms: {
      EIP: 'Ethereum Improvement Proposal', ERC: 'Ethereum Request for Comments', EVM: 'Ethereum Virtual Machine', EOA: 'externally owned account',
      ENS: 'Ethereum Name Service', DAO: 'decentralized autonomous organization', MEV: 'maximal extractable value', RLP: 'recursive-length prefix',
      SSZ: 'simple serialize', BLS: 'Boneh-Lynn-Shacham signature', KZG: 'Kate-Zaverucha-Goldberg commitment', EL: 'execution layer',
      CL: 'consensus layer', PBS: 'proposer-builder separation',
    },
    sources: ['Ethereum glossary, https://ethereum.org/en/glossary/', 'Ethereum consensus specifications, https://github.com/ethereum/consensus-specs'],
  },
  {
    name: 'gRPC',
    named: /\bgRPC\b/,
    linked: /\b(?:grpc\.io|github\.com\/grpc\/)/i,
    terms: {
      ALTS: 'Application Layer Transport Security', ORCA: 'Open Request Cost Aggregation', RLS: 'Route Lookup Service',
      ADS: 'Aggregated Discovery Service', CDS: 'Cluster Discovery Service', EDS: 'Endpoint Discovery Service',
      LDS: 'Listener Discovery Service', RDS: 'Route Discovery Service', SDS: 'Secret Discovery Service', HPACK: 'HTTP/2 header compression',
      GOAWAY: 'HTTP/2 GOAWAY frame',
    },
    sources: ['gRPC documentation (ALTS), https://grpc.io/docs/', 'gRPC proposals A27 (RLS) and A51 (ORCA), https://github.com/grpc/proposal',
      'Envoy xDS protocol, https://www.envoyproxy.io/docs/envoy/latest/api-docs/xds_protocol', 'RFC 7541 (HPACK), RFC 9113 (HTTP/2)'],
  },
  {
    name: 'Node.js',
    named: /\bNode\.js\b|\bio\.js\b/,
    linked: /\b(?:nodejs\.org|github\.com\/nodejs\/)/i,
    terms: {
      CITGM: 'Canary In The Gold Mine', ETW: 'Event Tracing for Windows', FFDC: 'First Failure Data Capture', TSC: 'Technical Steering Committee',
      WG: 'Working Group', RSLGTM: 'Rubber-Stamp Looks Good To Me', BE: 'big endian', LE: 'little endian',
    },
    sources: ['Node.js glossary, https://github.com/nodejs/node/blob/main/glossary.md'],
  },
  {
    name: 'React',
    named: /\bReact\b/,
    linked: /\b(?:reactjs\.org|react\.dev|github\.com\/(?:facebook|reactjs)\/)/i,
    terms: { JSX: 'JavaScript XML syntax extension', RSC: 'React Server Components', SSR: 'server-side rendering' },
    sources: ['React documentation, https://react.dev/learn'],
  },
];

/**
 * The ecosystems a document belongs to: it links the project's sites, writes code in the project's
 * own language (a Python block: its readers know the GIL), or names the project at least twice
 * (once may be a comparison: "as Kubernetes does").
 */
export function ecosystemsOf(prose: string, targets: readonly string[], codeLanguages: readonly string[] = []): Ecosystem[] {
  return ECOSYSTEMS.filter((ecosystem) => targets.some((target) => ecosystem.linked.test(target))
    || codeLanguages.some((language) => ecosystem.languages?.includes(language))
    || (prose.match(new RegExp(ecosystem.named.source, `g${ecosystem.named.flags.replace('g', '')}`))?.length ?? 0) >= 2);
}
