/**
 * The Markdown snippets the extension contributes (snippets/markdown.json is generated from
 * this file by `npm run snippets`, and a unit test keeps the two in step). The skeletons come
 * from the same renderer as `specready new`, so snippet and command never drift apart.
 *
 * Free-text tab stops default to an angle-bracket phrase such as `<the observable outcome>`:
 * left in by mistake, it is reported by the placeholder rule instead of shipping unnoticed.
 * The requirement snippet with the next free id (`req`) is computed per document, so it is a
 * completion of the extension (client/src/id-completion.ts) rather than a static snippet.
 */
import { renderTemplate, BUILTIN_TEMPLATE_NAMES } from './render';

export interface Snippet {
  prefix: string | string[];
  body: string[];
  description: string;
}

const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';
const CRITERION = 'Given ${%a:<the starting state>}, when ${%b:<the action>}, then ${%c:<the observable outcome>}.';

export function buildSnippets(): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  for (const profile of BUILTIN_TEMPLATE_NAMES) {
    snippets[`Spec skeleton: ${profile}`] = {
      prefix: `spec-${profile}`,
      body: skeletonBody(profile),
      description: `A complete ${profile} spec: front matter, title and every section the ${profile} profile requires or recommends, with guidance in HTML comments.`,
    };
  }
  return { ...snippets, ...FRAGMENTS };
}

const FRAGMENTS: Record<string, Snippet> = {
  'Acceptance criterion (Given/When/Then)': {
    prefix: ['gwt', 'criterion'],
    body: [`- **AC-\${1:1}** (\${2:REQ-1}): ${numbered(CRITERION, 3)}$0`],
    description: 'One testable acceptance criterion in Given/When/Then form, naming the requirement it covers.',
  },
  'Acceptance criteria checklist': {
    prefix: 'ac-checklist',
    body: [
      `- [ ] **AC-\${1:1}** (\${2:REQ-1}): ${numbered(CRITERION, 3)}`,
      `- [ ] **AC-\${6:2}** (\${7:REQ-2}): ${numbered(CRITERION, 8)}`,
      `- [ ] **AC-\${11:3}** (\${12:REQ-3}): ${numbered(CRITERION, 13)}`,
      '$0',
    ],
    description: 'A checklist of three Given/When/Then acceptance criteria to tick off during review.',
  },
  'API endpoint': {
    prefix: 'endpoint',
    body: [
      '### `${1|GET,POST,PUT,PATCH,DELETE|} ${2:/v1/resources/{id\\}}`',
      '',
      '${3:<what the endpoint does and who calls it>}',
      '',
      'Authentication: ${4:<scheme and required scope>}',
      '',
      'Request:',
      '',
      '```json',
      '${5:<request body example>}',
      '```',
      '',
      'Response `${6|200 OK,201 Created,202 Accepted,204 No Content|}`:',
      '',
      '```json',
      '${7:<response body example>}',
      '```',
      '',
      'Errors:',
      '',
      '| Status | Error code | When |',
      '|---|---|---|',
      '| `${8|400 Bad Request,401 Unauthorized,403 Forbidden,404 Not Found,409 Conflict,422 Unprocessable Content,429 Too Many Requests|}` | ${9:<machine-readable code>} | ${10:<the condition that causes it>} |',
      '| `${11|404 Not Found,400 Bad Request,409 Conflict,422 Unprocessable Content,503 Service Unavailable|}` | ${12:<machine-readable code>} | ${13:<the condition that causes it>} |',
      '$0',
    ],
    description: 'An endpoint of the API contract: method, path, authentication, request and response examples, status codes and error cases.',
  },
  'Non-functional requirements table': {
    prefix: ['nfr', 'nfr-table'],
    body: [
      '| Id | Quality | Target | Measured by |',
      '|---|---|---|---|',
      '| NFR-${1:1} | Latency (p${2|95,99,50|}) | < ${3:<target value>} ${4|ms,s|} at ${5:<sustained load>} requests/s | ${6:<load test or dashboard>} |',
      '| NFR-${7:2} | Throughput | ≥ ${8:<target value>} ${9|requests/s,messages/s,jobs/min,MB/s|} | ${10:<load test or dashboard>} |',
      '| NFR-${11:3} | Availability | ≥ ${12:<target value>} % per ${13|month,quarter,year|} | ${14:<uptime monitor>} |',
      '$0',
    ],
    description: 'Non-functional requirements with ids, target values and units, and how each is measured.',
  },
  'Open question': {
    prefix: ['question', 'oq'],
    body: [
      '- ${1:<the question>}? Owner: ${2:<name or team>}, decide by ${3:' + TODAY + '}. Options: ${4:<option A>} or ${5:<option B>}.$0',
    ],
    description: 'An open question with an owner, a date to decide by and the options on the table.',
  },
  'Decision record': {
    prefix: ['decision', 'adr'],
    body: [
      '### Decision: ${1:<what was decided, in a few words>}',
      '',
      '- **Status**: ${2|Proposed,Accepted,Superseded,Rejected|}',
      '- **Date**: ${3:' + TODAY + '}',
      '- **Deciders**: ${4:<names or teams>}',
      '- **Context**: ${5:<the forces and constraints that made a decision necessary>}',
      '- **Decision**: ${6:<what was chosen>}',
      '- **Alternatives considered**: ${7:<the options and why they lost>}',
      '- **Consequences**: ${8:<what becomes easier or harder>}',
      '$0',
    ],
    description: 'A short architecture decision record: status, date, deciders, context, decision, alternatives and consequences.',
  },
};

/** Numbers the `%a`, `%b`, `%c` tab stops of a fragment from `first` on. */
function numbered(fragment: string, first: number): string {
  return fragment.replace(/%([a-z])/g, (_, letter: string) => String(first + letter.charCodeAt(0) - 97));
}

/**
 * The rendered template as a snippet: the title is tab stop 1 (mirrored in the front matter and
 * the heading), then one tab stop per section on the line after its guidance, the last `$0`.
 */
function skeletonBody(profile: string): string[] {
  const marker = 'SNIPPETTITLEMARKER';
  const lines = renderTemplate(profile, marker).replace(/\n$/, '').split('\n').map(escapeSnippet);
  const body: string[] = [];
  let stop = 2;
  let inSection = false;
  for (const line of lines) {
    if (inSection && line === '' && (body[body.length - 1] ?? '').endsWith('-->')) {
      body.push(`$${stop++}`);
      inSection = false;
      continue;
    }
    if (line.startsWith('## ')) inSection = true;
    body.push(line.split(marker).join('${1:title}'));
  }
  // The template ends with the last section's guidance: its content line ends the snippet.
  body.push('$0');
  return body;
}

/** `$`, `}` and `\` are snippet syntax; template text must not be read as such. */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}

/** The text of snippets/markdown.json. */
export function snippetsJson(): string {
  return `${JSON.stringify(buildSnippets(), null, 2)}\n`;
}
