/**
 * The upper-case keywords of technologies a design document is written about. In an HTTP/2
 * document "a HEADERS frame" names a frame type of the protocol, in a database design "a SELECT
 * statement" names a statement of SQL: the technology's own specification defines them, so they
 * are not in-house acronyms a newcomer needs expanded. Each technology lists only words its
 * specification or registry defines, with the source, and counts only for a document about it
 * (it names the technology, links its specification, or writes its code).
 */
export interface Technology {
  name: string;
  /** The document names the technology in its prose. */
  named: RegExp;
  /** A link destination into the technology's specification. */
  linked: RegExp;
  /** Languages of code blocks written in the technology ("sql"). */
  languages: readonly string[];
  /** Upper-case keywords the specification defines, as written there. */
  keywords: readonly string[];
  sources: readonly string[];
}

export const TECHNOLOGIES: readonly Technology[] = [
  {
    name: 'HTTP/2',
    // gRPC is specified over HTTP/2 (gRPC over HTTP2, PROTOCOL-HTTP2.md), so a gRPC design speaks its frames.
    named: /\bHTTP\/?2\b|\bh2c?\b|\bgRPC\b/,
    linked: /\brfc-?(?:7540|9113|7541)\b|\/rfc(?:7540|9113|7541)\b|PROTOCOL-HTTP2/i,
    languages: [],
    keywords: [
      // RFC 9113, 6: frame types; 6.5.2: settings; 7: error codes (single-word ones; the others are constants with underscores).
      'DATA', 'HEADERS', 'PRIORITY', 'SETTINGS', 'PING', 'GOAWAY', 'CONTINUATION', 'CANCEL', 'PADDED', 'ACK',
      // The gRPC status codes (grpc/grpc doc/statuscodes.md).
      'OK', 'CANCELLED', 'UNKNOWN', 'ABORTED', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'UNAUTHENTICATED',
    ],
    sources: ['RFC 9113 (HTTP/2), sections 6 and 7: frame types, settings and error codes', 'gRPC status codes, https://github.com/grpc/grpc/blob/master/doc/statuscodes.md'],
  },
  {
    name: 'SQL',
    named: /\bSQL\b|\bPostgres(?:QL)?\b|\bMySQL\b|\bSQLite\b|\bCockroachDB\b|\bMariaDB\b/,
    linked: /\bpostgresql\.org\/docs\b|\bdev\.mysql\.com\/doc\b|\bsqlite\.org\/lang/i,
    languages: ['sql', 'psql', 'mysql', 'sqlite', 'plsql', 'pgsql'],
    keywords: [
      // ISO/IEC 9075 reserved words as listed in PostgreSQL's Appendix C (SQL Key Words), the ones design prose names.
      'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'UPSERT', 'MERGE', 'FROM', 'WHERE', 'JOIN', 'INNER', 'OUTER', 'LEFT', 'RIGHT', 'FULL', 'CROSS',
      'LATERAL', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT', 'DISTINCT', 'INTO', 'VALUES', 'SET',
      'CREATE', 'ALTER', 'DROP', 'TABLE', 'INDEX', 'VIEW', 'PRIMARY', 'KEY', 'FOREIGN', 'REFERENCES', 'UNIQUE', 'CHECK', 'DEFAULT', 'NULL',
      'CONSTRAINT', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'TRANSACTION', 'GRANT', 'REVOKE', 'TRUNCATE', 'RETURNING',
      'WITH', 'RECURSIVE', 'CASE', 'ELSE', 'END', 'EXISTS', 'BETWEEN', 'LIKE', 'ILIKE', 'ASC', 'DESC', 'CASCADE', 'RESTRICT', 'SERIALIZABLE',
      'ISOLATION', 'COMMITTED', 'UNCOMMITTED', 'REPEATABLE', 'EXPLAIN', 'ANALYZE', 'VACUUM', 'SCHEMA', 'DATABASE', 'COLUMN', 'ADD',
      'RENAME', 'PARTITION', 'OVER', 'WINDOW', 'ROWS', 'SHARE', 'LOCK', 'NOWAIT', 'SKIP', 'LOCKED', 'TRIGGER', 'FUNCTION', 'PROCEDURE',
      'RETURNS', 'CALL', 'EXECUTE', 'PREPARE', 'DEALLOCATE', 'COPY', 'SHOW', 'INTERVAL', 'TIMESTAMP', 'TIMESTAMPTZ', 'DATE', 'TIME',
      'ZONE', 'INT', 'INTEGER', 'BIGINT', 'SMALLINT', 'DECIMAL', 'NUMERIC', 'FLOAT', 'REAL', 'DOUBLE', 'PRECISION', 'VARCHAR', 'CHAR',
      'TEXT', 'BOOLEAN', 'BYTEA', 'BYTES', 'ARRAY', 'CAST', 'COALESCE', 'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'SOME', 'OPTION', 'USING',
      'NATURAL', 'IMPORT', 'EXPORT', 'BACKUP', 'RESTORE', 'STATISTICS', 'SEQUENCE', 'TYPE', 'ENUM', 'DEFERRABLE', 'INITIALLY', 'DEFERRED',
    ],
    sources: ['ISO/IEC 9075 (SQL) key words, as listed in the PostgreSQL documentation, Appendix C "SQL Key Words", https://www.postgresql.org/docs/current/sql-keywords-appendix.html'],
  },
  {
    name: 'DNS',
    named: /\bDNS\b/,
    linked: /\biana\.org\/assignments\/dns-parameters\b|\brfc-?(?:1034|1035|4033|4034|4035)\b/i,
    languages: [],
    keywords: [
      // IANA DNS Parameters: resource record TYPEs and RCODEs.
      'NS', 'CNAME', 'SOA', 'PTR', 'MX', 'TXT', 'AAAA', 'SRV', 'NAPTR', 'DS', 'RRSIG', 'NSEC', 'NSEC3', 'DNSKEY', 'TLSA', 'CAA', 'SVCB', 'OPT',
      'AXFR', 'IXFR', 'NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED',
    ],
    sources: ['IANA Domain Name System (DNS) Parameters: Resource Record (RR) TYPEs and DNS RCODEs, https://www.iana.org/assignments/dns-parameters/'],
  },
];

/**
 * The technologies a document is about: it names the technology, links its specification or
 * writes a code block in its language. One mention is enough: the keywords are words in capitals
 * ("SELECT", "HEADERS"), which an in-house acronym rarely is, so a passing mention costs little.
 */
export function technologiesOf(prose: string, targets: readonly string[], codeLanguages: readonly string[]): Technology[] {
  return TECHNOLOGIES.filter((technology) => technology.named.test(prose)
    || targets.some((target) => technology.linked.test(target))
    || codeLanguages.some((language) => technology.languages.includes(language)));
}
