import type { HtmlComment, SpecModel } from '../model/types';
import { canonicalRuleId } from '../rules/registry';
import type { Finding } from '../rules/types';

/**
 * Suppression comments, as in markdownlint:
 *   <!-- specready-disable [rule ...] -->            from this line on (all rules when none named)
 *   <!-- specready-enable [rule ...] -->             ends a disable
 *   <!-- specready-disable-next-line [rule ...] -->  the next line only
 *   <!-- specready-disable-line [rule ...] -->       this line only
 * Rules may be separated by spaces or commas.
 */
const DIRECTIVE = /^specready-(disable-next-line|disable-line|disable|enable)\b([\s\S]*)$/;

interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  rules: string[] | 'all';
  line: number;
  endLine: number;
}

export class Suppressions {
  private readonly directives: Directive[];

  constructor(comments: readonly HtmlComment[]) {
    this.directives = comments.flatMap((comment) => parseDirective(comment));
  }

  static of(model: SpecModel): Suppressions {
    return new Suppressions(model.htmlComments);
  }

  get empty(): boolean {
    return this.directives.length === 0;
  }

  isSuppressed(finding: Pick<Finding, 'rule' | 'range'>): boolean {
    const line = finding.range.start.line;
    let disabled = false;
    for (const directive of this.directives) {
      if (!applies(directive, finding.rule)) continue;
      switch (directive.kind) {
        case 'disable-line':
          if (line >= directive.line && line <= directive.endLine) return true;
          break;
        case 'disable-next-line':
          if (line === directive.endLine + 1) return true;
          break;
        case 'disable':
          if (directive.line <= line) disabled = true;
          break;
        case 'enable':
          if (directive.line <= line) disabled = false;
          break;
      }
    }
    return disabled;
  }
}

function parseDirective(comment: HtmlComment): Directive[] {
  const match = DIRECTIVE.exec(comment.body);
  if (!match) return [];
  const names = (match[2] ?? '').split(/[\s,]+/).filter(Boolean);
  return [{
    kind: match[1] as Directive['kind'],
    // Former rule ids name the rule that replaced them.
    rules: names.length === 0 ? 'all' : names.map(canonicalRuleId),
    line: comment.range.start.line,
    endLine: comment.range.end.line,
  }];
}

function applies(directive: Directive, rule: string): boolean {
  return directive.rules === 'all' || directive.rules.includes(rule);
}
