import type { Host } from '../host/host';

/** What a command may touch of its process: passed in so commands stay testable. */
export interface CliIo {
  /** Where specs, configurations and linked files are read (default: the disk). */
  host?: Host;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  /** Width of the terminal, when stdout is one. */
  stdoutColumns?: number;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit statuses: 0 clean, 1 findings or limits exceeded, 2 usage, configuration or internal error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
