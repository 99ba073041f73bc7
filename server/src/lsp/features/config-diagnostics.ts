import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { ConfigError } from '../../config/errors';
import { fileUri, type DocumentConfig } from '../workspace';

/**
 * A broken `.specready.*` file gets its own diagnostics (pushed: the file is not a Markdown
 * document the client pulls for); the specs keep being checked with defaults meanwhile.
 */
export class ConfigDiagnostics {
  private readonly reported = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  report(documentConfig: DocumentConfig): void {
    const file = documentConfig.configFile ?? documentConfig.configErrors[0]?.file;
    if (!file) return;
    const diagnostics = documentConfig.configErrors.map(toDiagnostic);
    const key = JSON.stringify(diagnostics);
    if (this.reported.get(file) === key) return;
    this.reported.set(file, key);
    void this.connection.sendDiagnostics({ uri: fileUri(file), diagnostics });
  }
}

function toDiagnostic(error: ConfigError): Diagnostic {
  const line = Math.max(0, (error.line ?? 1) - 1);
  const character = Math.max(0, (error.column ?? 1) - 1);
  const endLine = Math.max(line, (error.endLine ?? error.line ?? 1) - 1);
  const endCharacter = error.endColumn !== undefined ? Math.max(0, error.endColumn - 1) : character + 1;
  return {
    range: { start: { line, character }, end: { line: endLine, character: endLine === line ? Math.max(endCharacter, character) : endCharacter } },
    severity: DiagnosticSeverity.Error,
    source: 'specready',
    code: 'invalid-config',
    message: `${error.message} SpecReady uses its defaults until this is fixed.`,
  };
}
