/**
 * An interface whose contract is another, public document: "`POST /v1/traces` is the same as the
 * [OTLP/HTTP](https://…) request", "The service is identical to the one defined in [xDS LRS](…)".
 * The linked specification gives its request, response and errors; the design does not restate
 * them, and a builder reads them there. Only an identity ("same as", "identical to", "as defined
 * in", "specified by", "conforms to") with a link to another document counts: "based on" or
 * "similar to" a link leaves the differences open, and an anchor in the document itself is no
 * outside contract.
 */

const IDENTITY = String.raw`(?:(?:is|are|remains?|stays?)\s+)?(?:(?:exactly|precisely)\s+)?(?:the\s+same\s+as|identical\s+to|unchanged\s+from|(?:as|is|are)\s+(?:defined|specified|described|documented)\s+(?:in|by)|(?:defined|specified|documented)\s+(?:in|by)|conform(?:s|ing)?\s+to|compliant\s+with)`;
/** An outside link: a Markdown link or an autolink to a URL, not an anchor of this document. */
const OUTSIDE_LINK = String.raw`(?:\[[^\]\n]+\]\(\s*<?https?:\/\/[^)\s]+|<https?:\/\/[^>\s]+>|\bhttps?:\/\/\S+|\[[^\]\n]+\]\[[^\]\n]*\])`;
const CITES = new RegExp(String.raw`\b${IDENTITY}\b[^.\n]{0,100}?${OUTSIDE_LINK}`, 'i');

/** True when `paragraph` says the interface it describes is one a linked outside document defines. */
export function citesOutsideSpec(paragraph: string): boolean {
  return CITES.test(paragraph);
}

/** The paragraph of `text` around `start`..`end`: from the blank line before to the blank line after, at most 600 characters each way. */
export function paragraphAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 600);
  const before = text.slice(from, start);
  const blank = before.search(/\n[ \t]*\n(?![\s\S]*\n[ \t]*\n)/);
  const head = blank < 0 ? before : before.slice(blank);
  const after = text.slice(end, end + 600);
  const next = after.search(/\n[ \t]*\n/);
  return head + text.slice(start, end) + (next < 0 ? after : after.slice(0, next));
}

/**
 * The prose around a code block: up to 400 characters before its fence and after it, not across a
 * heading. A block is introduced by the paragraph before it, often across a blank line.
 */
export function proseAroundBlock(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 400), start);
  const heading = before.search(/\n#{1,6}\s[^\n]*\n(?![\s\S]*\n#{1,6}\s)/);
  const after = text.slice(end, end + 400);
  const next = after.search(/\n#{1,6}\s/);
  return (heading < 0 ? before : before.slice(heading)) + '\n\n' + (next < 0 ? after : after.slice(0, next));
}
