/**
 * Where a document spells out an acronym without the usual "Full Name (FN)" pattern: the words
 * whose initials make it ("Graceful Node Shutdown" … "GNS", "the kube-controller-manager" … "KCM",
 * "PersistentVolumeClaim" … "PVC", "a service account" … "SA"), anywhere in the prose or in a link
 * destination (".../container-device-interface" … "CDI").
 */
import { itemAt } from '../util/indexed';

/** Words an expansion may hold without giving a letter ("Desired State of World" is DSW). */
const GLUE = new Set(['of', 'the', 'and', 'for', 'to', 'in', 'on', 'a', 'an', 'as', 'at', 'by', 'with', 'or']);

interface Word {
  /** Initials of the word's parts, lower case: "kube-controller-manager" is "kcm", "vSwitch" "vs". */
  initials: string;
  glue: boolean;
  /** Written in capitals ("PVC"): a use of some acronym, never the start of an expansion. */
  acronym: boolean;
  /** Written with a capital or as a compound ("PersistentVolume", "kube-proxy"). */
  marked: boolean;
  /** The word as written, lower case. */
  text: string;
  offset: number;
}

/** Splits a word into its parts: hyphen, underscore and camel-case boundaries. */
function parts(word: string): string[] {
  return word.split(/[-_]/).flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)).filter((part) => /[A-Za-z]/.test(part));
}

export class ExpansionIndex {
  private readonly words: Word[] = [];
  private readonly byInitial = new Map<string, number[]>();

  /** `texts` are searched as written; `offsetBase` places each text in the document. */
  constructor(texts: Array<{ text: string; offset: number }>) {
    for (const { text, offset } of texts) {
      let previous = '';
      for (const match of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*/g)) {
        const word = match[0];
        const split = parts(word);
        // A doubled word is a slip ("host networking networking service"), not a letter.
        if (split.length === 0 || word.toLowerCase() === previous) continue;
        previous = word.toLowerCase();
        const initials = split.map((part) => part.charAt(0).toLowerCase()).join('');
        // An acronym is not its own expansion ("PVC" gives no letters but its first).
        const acronym = /^[A-Z0-9]{2,}s?$/.test(word);
        this.words.push({
          initials: acronym ? initials.charAt(0) : initials,
          glue: GLUE.has(word.toLowerCase()),
          acronym,
          marked: /^[A-Z][a-z]/.test(word) || split.length > 1,
          text: word.toLowerCase(),
          offset: offset + (match.index ?? 0),
        });
      }
    }
    this.words.forEach((word, index) => {
      const initial = word.initials.charAt(0);
      const list = this.byInitial.get(initial) ?? [];
      list.push(index);
      this.byInitial.set(initial, list);
    });
  }

  /**
   * True when some run of words spells `acronym` by its initials: words written with capitals or
   * as compounds anywhere ("Graceful Node Shutdown", "PersistentVolumeClaim"); plain lower-case
   * words ("host networking service") only inside `near` (the statement using the acronym, from
   * offset `near.start` to `near.end`) or just before it, since plain words spell short acronyms by
   * chance. Two letters come only from one compound word ("PersistentVolume").
   */
  spells(acronym: string, near: { start: number; end: number }): boolean {
    const letters = acronym.toLowerCase();
    if (!/^[a-z]+$/.test(letters)) return false;
    for (const start of this.byInitial.get(letters.charAt(0)) ?? []) {
      const first = itemAt(this.words, start);
      if (first.acronym) continue;
      const end = this.match(start, letters, 0, 0);
      if (end === undefined) continue;
      const run = this.words.slice(start, end);
      // Two letters are spelled by chance all the time; only one compound word counts ("PersistentVolume").
      if (letters.length === 2) {
        if (run.length === 1) return true;
        continue;
      }
      if (run.every((word) => word.marked || word.glue) || this.namesConcept(run, start, letters)) return true;
      const at = first.offset;
      if (at >= near.start - 300 && at <= near.end) return true;
    }
    return false;
  }

  /**
   * Plain words that name a concept rather than spell by chance: the run holds a compound word
   * that gives two or more of the letters ("multi-level lookup" for MLL), or the document writes
   * the same run of words again ("target framework moniker" twice for TFM). Random runs of plain
   * words spell a three-letter acronym about once in a long document; a compound or a repeated
   * phrase is a term the document uses.
   */
  private namesConcept(run: Word[], start: number, letters: string): boolean {
    if (run.some((word) => word.initials.length > 1 && !word.acronym && letters.includes(word.initials))) return true;
    if (run[0].glue || run[run.length - 1].glue) return false;
    const phrase = run.map((word) => word.text);
    const first = this.byInitial.get(letters.charAt(0)) ?? [];
    return first.some((other) => other !== start && phrase.every((text, offset) => this.words[other + offset]?.text === text));
  }

  /** Index after the last word of a run spelling `letters` from position `k`, or undefined. */
  private match(index: number, letters: string, k: number, glue: number): number | undefined {
    if (k === letters.length) return index;
    const word = this.words[index];
    if (!word) return undefined;
    if (word.glue && k > 0 && glue < 2) {
      const skipped = this.match(index + 1, letters, k, glue + 1);
      if (skipped !== undefined) return skipped;
    }
    for (let length = Math.min(word.initials.length, letters.length - k); length >= 1; length--) {
      if (word.initials.slice(0, length) !== letters.slice(k, k + length)) continue;
      const end = this.match(index + 1, letters, k + length, 0);
      if (end !== undefined) return end;
    }
    return undefined;
  }
}
