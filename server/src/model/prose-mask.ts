const SPACE = 32;
const LF = 10;
const CR = 13;
// String.fromCharCode takes its units as arguments; stay far below engine argument limits.
const CHUNK = 8192;

/**
 * The prose mask under construction: one UTF-16 unit per unit of the source, a space where
 * the source is not prose, line breaks always kept. A typed array instead of an array of
 * one-character strings: building and joining the latter was the largest cost of parsing
 * after markdown-it itself, and its garbage the largest source of collection pauses.
 */
export class ProseMask {
  private readonly units: Uint16Array;
  /**
   * Decodes units to a string many times faster than String.fromCharCode, but turns unpaired
   * surrogates into U+FFFD: used only when the text has no surrogates at all.
   */
  private readonly decoder: TextDecoder | undefined;

  /** `lineStarts` as computed by computeLineStarts: every CR and LF of the text ends a line. */
  constructor(private readonly text: string, lineStarts: readonly number[]) {
    this.units = new Uint16Array(text.length).fill(SPACE);
    this.decoder = /[\uD800-\uDFFF]/.test(text) ? undefined : new TextDecoder('utf-16le', { ignoreBOM: true });
    // Only the line breaks are kept, and they sit just before each line start.
    for (let line = 1; line < lineStarts.length; line++) {
      const start = lineStarts[line];
      for (let i = start - 1; i >= start - 2 && i >= 0; i--) {
        const code = text.charCodeAt(i);
        if (code !== LF && code !== CR) break;
        this.units[i] = code;
      }
    }
  }

  /** Copies the source units of [start, end) into the mask. */
  reveal(start: number, end: number): void {
    const stop = Math.min(end, this.units.length);
    for (let i = Math.max(0, start); i < stop; i++) this.units[i] = this.text.charCodeAt(i);
  }

  /** Blanks [start, end) again, keeping line breaks. */
  hide(start: number, end: number): void {
    const stop = Math.min(end, this.units.length);
    for (let i = Math.max(0, start); i < stop; i++) {
      const unit = this.units[i];
      if (unit !== LF && unit !== CR) this.units[i] = SPACE;
    }
  }

  /** The mask of [start, end) as a string (units are copied verbatim, lone surrogates included). */
  slice(start = 0, end = this.units.length): string {
    const from = Math.max(0, start);
    const to = Math.min(end, this.units.length);
    if (this.decoder) return from < to ? this.decoder.decode(this.units.subarray(from, to)) : '';
    let result = '';
    for (let i = from; i < to; i += CHUNK) {
      result += String.fromCharCode.apply(null, this.units.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[]);
    }
    return result;
  }
}
