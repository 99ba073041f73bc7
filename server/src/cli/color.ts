/**
 * Minimal ANSI styling. Colour follows the https://no-color.org convention: NO_COLOR (non-empty)
 * turns it off, FORCE_COLOR turns it on (FORCE_COLOR=0 or false turns it off), otherwise it is
 * on when stdout is a terminal.
 */
export function shouldUseColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY;
}

export interface Palette {
  red: (text: string) => string;
  yellow: (text: string) => string;
  blue: (text: string) => string;
  green: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
  underline: (text: string) => string;
}

export function createPalette(enabled: boolean): Palette {
  const style = (open: number, close: number) => (text: string) =>
    enabled && text ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    red: style(31, 39),
    yellow: style(33, 39),
    blue: style(34, 39),
    green: style(32, 39),
    dim: style(2, 22),
    bold: style(1, 22),
    underline: style(4, 24),
  };
}
