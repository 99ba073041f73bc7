/**
 * A problem with the configuration: a syntax error, a schema violation or an unknown profile.
 * Positions are 1-based (column in UTF-16 code units), as printed by the CLI; the language
 * server subtracts one for LSP ranges.
 */
export interface ConfigErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;

  constructor(message: string, location: ConfigErrorLocation = {}) {
    super(message);
    Object.assign(this, location);
  }
}

/** `file:line:col: message`, leaving out the parts that are unknown. */
export function formatConfigError(error: ConfigError): string {
  const where = [error.file, error.line, error.line !== undefined ? error.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  return where ? `${where}: ${error.message}` : error.message;
}
