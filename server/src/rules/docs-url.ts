/** Where each rule's documentation is published (generated from the rule files into docs/rules). */
export const DOCS_BASE_URL = 'https://github.com/specready/specready/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
