import assert from 'node:assert/strict';
import { parseSpec } from '../../server/src/model/parse';
import { describeStatement, sectionRoles, statementAt, statementOf, type Statement } from '../../server/src/model/statements';

function statement(markdown: string, startsWith: string): Statement {
  const model = parseSpec(markdown);
  const found = model.statements.find((s) => s.text.trimStart().startsWith(startsWith));
  assert.ok(found, `no statement starting with "${startsWith}" in ${JSON.stringify(model.statements.map((s) => s.text))}`);
  return found;
}

function roleOf(markdown: string, startsWith: string): string {
  const found = statement(markdown, startsWith);
  return found.role === 'narrative' ? `narrative:${found.narrative}` : found.role;
}

describe('statements', () => {
  it('makes every sentence, list item and table body row a statement, and no heading', () => {
    const model = parseSpec('# Spec\n\n## Requirements\n\nFirst one. Second one.\n\n- An item\n\n| Quality | Target |\n|---|---|\n| Latency | p95 < 200 ms |\n');
    assert.deepEqual(model.statements.map((s) => [s.kind, s.text]), [
      ['sentence', 'First one.'],
      ['sentence', 'Second one.'],
      ['list-item', 'An item'],
      ['table-row', 'Latency | p95 < 200 ms'],
    ]);
    assert.deepEqual(model.statements.map((s) => s.index), [0, 1, 2, 3]);
    const row = model.statements[3];
    assert.equal(row.sentences.length, 2);
    assert.equal(statementOf(model, row.sentences[1]), row);
    assert.equal(statementAt(model, row.startOffset + 2), row);
    assert.equal(statementAt(model, 0), undefined);
  });

  it('reads binding statements from modals, RFC 2119 keywords and imperatives wherever they are', () => {
    const doc = '# T\n\n## Detailed design\n\nThe controller must retry three times.\n\nThe API SHOULD return 429.\n\nWe explored caches in general.\n\n- Add an e2e test for retries\n';
    assert.equal(roleOf(doc, 'The controller must'), 'requirement');
    assert.match(statement(doc, 'The controller must').reason, /'must' in "Detailed design", a design section/);
    assert.equal(roleOf(doc, 'The API SHOULD'), 'requirement');
    assert.equal(roleOf(doc, 'Add an e2e'), 'requirement');
    assert.equal(statement(doc, 'Add an e2e').explicit, true);
    assert.equal(roleOf(doc, 'We explored'), 'narrative:discussion');
  });

  it('gives goals, non-goals and criteria sections their roles, and lets subsections inherit them', () => {
    const doc = '# T\n\n## Motivation\n\nThings are slow.\n\n### Goals\n\n- Reduce scheduling cost\n\n### Non-Goals\n\n- Replace the scheduler\n\n## Graduation Criteria\n\n### Beta\n\n- Two releases without bugs\n';
    assert.equal(roleOf(doc, 'Things are slow'), 'narrative:background');
    assert.equal(roleOf(doc, 'Reduce scheduling'), 'goal');
    assert.equal(roleOf(doc, 'Replace the scheduler'), 'non-goal');
    assert.equal(roleOf(doc, 'Two releases'), 'criterion');
    assert.match(statement(doc, 'Two releases').reason, /"Beta" under "Graduation Criteria"/);
  });

  it('decides a wording seen before as it did the first time, by its own place and kind', () => {
    const doc = [
      '# T', '', '## Requirements', '', 'The API must reject a request\nwithout a token, because the token is the only proof.', '',
      '- Add a retry budget', '', 'Add a retry budget', '', 'For example, a client would retry.', '', '> The service must log.', '',
      '## Background', '', 'The API must reject a request\nwithout a token, because the token is the only proof.', '',
    ].join('\n');
    const fields = (s: Statement) => [s.kind, s.role, s.narrative, s.reason, s.cue, s.strongCue, s.justificationStart, s.purposeEnd];
    const first = parseSpec(doc).statements.map(fields);
    // Parsed again, and inside a longer document: every statement gets the same answers.
    assert.deepEqual(parseSpec(doc).statements.map(fields), first);
    assert.deepEqual(parseSpec(`${doc}\nMore text.\n`).statements.slice(0, first.length).map(fields), first);
    // The same words as a list item (an imperative) and as a sentence (no cue) differ.
    assert.deepEqual(first[1].slice(0, 2), ['list-item', 'requirement']);
    assert.equal(first[1][4], 'Add');
    assert.equal(first[2][4], undefined);
    // The same wording in a requirements and in a background section keeps its place.
    assert.equal(first[0][1], 'requirement');
    assert.equal(first[5][1], 'narrative');
    assert.ok(typeof first[0][6] === 'number' && first[0][6] > 0);
  });

  it('keeps a quality-attribute subsection of a narrative section narrative', () => {
    const doc = '# T\n\n## Background\n\n### Performance\n\nThe service must answer in about 2 seconds today.\n\nLatency is high.\n\n## Performance\n\nLatency is high.\n';
    const model = parseSpec(doc);
    const roles = sectionRoles(model.sections);
    assert.equal(roles[2].role, 'narrative');
    assert.equal(roles[2].decidedBy?.title, 'Background');
    assert.equal(roles[3].role, 'requirements');
    // Worked out once per document: the statements and the rules that ask share the same roles.
    assert.equal(sectionRoles(model.sections), roles);
    const narrative = model.statements.filter((s) => s.role === 'narrative').map((s) => s.text);
    assert.deepEqual(narrative, ['The service must answer in about 2 seconds today.', 'Latency is high.']);
  });

  it('treats a heading that mixes context and constraints as design: only binding wording binds', () => {
    const doc = '# T\n\n## Context, characteristics and constraints\n\nThe cluster has many nodes.\n\nThe job must finish within 5 minutes.\n';
    assert.equal(roleOf(doc, 'The cluster'), 'narrative:discussion');
    assert.equal(roleOf(doc, 'The job must'), 'requirement');
  });

  it('finds examples, rationale, background, predictions, opinions and questions inside requirement sections', () => {
    const doc = '# T\n\n## Requirements\n\n'
      + 'The export must finish in 60 s. For example, a large shop has many orders. '
      + 'This is because finance closes the books at night. Today the export takes an hour. '
      + 'This will likely reduce support tickets. We think a simple format is better. Should we compress it?\n\n'
      + '> Exports are fast enough.\n\n_For GA, this section is required._\n';
    assert.equal(roleOf(doc, 'The export must'), 'requirement');
    assert.equal(roleOf(doc, 'For example'), 'narrative:example');
    assert.equal(roleOf(doc, 'This is because'), 'narrative:rationale');
    assert.equal(roleOf(doc, 'Today the export'), 'narrative:background');
    assert.equal(roleOf(doc, 'This will likely'), 'narrative:prediction');
    assert.equal(roleOf(doc, 'We think'), 'narrative:discussion');
    assert.equal(roleOf(doc, 'Should we'), 'question');
    assert.equal(roleOf(doc, 'Exports are fast'), 'narrative:quote');
    assert.equal(roleOf(doc, '_For GA'), 'narrative:guidance');
  });

  it('reads list items with their lead-in', () => {
    const doc = '# T\n\n## Design\n\nThe parser MUST reject a request if any of the following holds:\n\n- the body is empty\n- the id is unknown\n\n'
      + 'For example:\n\n- a slow client\n\nThe pieces are:\n\n- a queue\n';
    assert.equal(roleOf(doc, 'the body is empty'), 'requirement');
    assert.equal(roleOf(doc, 'the id is unknown'), 'requirement');
    assert.match(statement(doc, 'the id is unknown').reason, /binding lead-in/);
    assert.equal(roleOf(doc, 'a slow client'), 'narrative:example');
    assert.equal(roleOf(doc, 'The pieces are'), 'narrative:lead-in');
    assert.equal(roleOf(doc, 'a queue'), 'narrative:discussion');
  });

  it('makes rows of a table with a requirement column requirements, and rows in narrative sections narrative', () => {
    const doc = '# T\n\n## Design\n\n| Name | Requirement |\n|---|---|\n| upload | must accept 50 MB |\n\n## Alternatives\n\n| Option | Cost |\n|---|---|\n| S3 | low |\n';
    assert.equal(roleOf(doc, 'upload'), 'requirement');
    assert.match(statement(doc, 'upload').reason, /"Requirement" column/);
    assert.equal(roleOf(doc, 'S3'), 'narrative:rationale');
  });

  it('records where a justification clause starts', () => {
    const found = statement('# T\n\n## Requirements\n\n- Retries must stop after 3 attempts because the queue is small\n', 'Retries');
    assert.equal(found.text.slice(found.justificationStart), ' because the queue is small');
  });

  it('treats a first level-1 heading with subsections as the title, not a section role; its paragraphs introduce the document', () => {
    const doc = '# Performance improvements for the scheduler\n\nThe scheduler is slow. The ultimate goal is to schedule pods faster.\n\n'
      + '- The scheduler must cache node scores.\n\n## Proposal\n\nWe add a cache.\n\n## Details\n\nThe cache must be bounded.\n';
    assert.equal(roleOf(doc, 'The scheduler is slow'), 'narrative:background');
    assert.equal(roleOf(doc, 'The ultimate goal'), 'narrative:background');
    assert.match(statement(doc, 'The ultimate goal').reason, /^in the introduction under the title "Performance improvements for the scheduler"$/);
    // A list under the title and the sections below it are read as before.
    assert.equal(roleOf(doc, 'The scheduler must'), 'requirement');
    assert.equal(roleOf(doc, 'The cache must'), 'requirement');
  });

  it('reads work left for later and parts left to each implementation as narrative; must still binds', () => {
    const doc = '# T\n\n## Design\n\nAs a follow-up, we will add a faster loader.\n\nSupport for other runtimes will be added in a follow-up KEP.\n\n'
      + 'The exact retry schedule is left to each implementation.\n\nThe order is implementation-defined, and runtimes should keep it stable.\n\n'
      + 'The schedule is left to the implementation, but retries MUST stop after 5 attempts.\n\nThe loader will retry in the next release.\n';
    assert.equal(roleOf(doc, 'As a follow-up'), 'narrative:prediction');
    assert.match(statement(doc, 'Support for other').reason, /leaves the work for later \("in a follow-up KEP"\)/);
    assert.equal(roleOf(doc, 'The exact retry'), 'narrative:discussion');
    assert.match(statement(doc, 'The order is').reason, /leaves the choice to each implementation \("implementation-defined"\)/);
    assert.equal(roleOf(doc, 'The schedule is left'), 'requirement');
    assert.equal(roleOf(doc, 'The loader will retry'), 'requirement');
  });

  it('reads a Q&A section as questions and their answers', () => {
    const doc = '# T\n\n## Q&A\n\n**Can a user pin a version?**\nYes. The request should name the version.\n';
    assert.equal(roleOf(doc, 'Yes.'), 'question');
    assert.equal(roleOf(doc, 'The request should'), 'question');
  });

  it('reads a stated goal as a goal, and a commitment with an open date as a commitment', () => {
    const design = '# T\n\n## Explanation\n\nOur goal is that all groups will have charters.\n\nThis KEP will eventually remove two flags.\n\nThis could eventually change.\n';
    assert.equal(roleOf(design, 'Our goal'), 'goal');
    assert.equal(roleOf(design, 'This KEP'), 'requirement');
    assert.equal(roleOf(design, 'This could'), 'narrative:prediction');
    assert.equal(roleOf('# T\n\n## Motivation\n\nThe goal is to make exports faster.\n', 'The goal'), 'narrative:rationale');
  });

  it('reads a permission in spec language as binding', () => {
    assert.equal(roleOf('# T\n\n## Detailed design\n\nIt is legal, however, for an implementation to cap the depth.\n', 'It is legal'), 'requirement');
  });

  it('tells a glossary from the definition of a construct', () => {
    const roles = sectionRoles(parseSpec('# T\n\n## Definitions\n\nx\n\n## Naked function definition\n\ny\n').sections).map((info) => info.role);
    assert.deepEqual(roles, ['none', 'definitions', 'none']);
  });

  it('judges the answers of a questionnaire on their own wording, and SLO answers as requirements', () => {
    const text = [
      '# T', '', '## Questionnaire', '', '### Monitoring Requirements', '',
      '* **How can an operator tell the feature is in use?**', '', '  Check the metric. Validate the setup to ensure it is configured correctly.', '',
      '#### What are the SLIs?', '', 'The usual ones.', '',
      '#### What are the reasonable SLOs for the enhancement?', '', 'The latency should stay the same.', '',
    ].join('\n');
    const roles = sectionRoles(parseSpec(text).sections).map((info) => info.role);
    assert.deepEqual(roles, ['none', 'design', 'design', 'design', 'requirements']);
    assert.equal(statement(text, 'Validate').sectionRole, 'design');
    assert.equal(roleOf(text, 'The latency'), 'requirement');
  });

  it('reads opinions, expectations and weighed possibilities as narrative', () => {
    const design = '# T\n\n## Detailed design\n\nWhile tempting, it is the author\'s opinion that the benefits are small.\n\n'
      + 'Our expectation is that we will review the cadence.\n\nThis could be a follow-up improvement.\n';
    assert.equal(roleOf(design, 'While tempting'), 'narrative:discussion');
    assert.equal(roleOf(design, 'Our expectation'), 'narrative:discussion');
    assert.equal(roleOf(design, 'This could'), 'narrative:prediction');
  });

  it('reads an evaluation of the proposal as rationale, even inside a goal item', () => {
    const goals = '# T\n\n## Goals\n\n- Keep extended resources. Its ease of use is one big advantage for users.\n- Ship the main advantage of v2 to users.\n';
    assert.equal(roleOf(goals, 'Its ease of use'), 'narrative:rationale');
    assert.equal(roleOf(goals, 'Ship the main'), 'goal');
  });

  it('reads a pointer to other parts as background, and the goal of a document part as no goal', () => {
    const criteria = '# T\n\n## Graduation Criteria\n\n- Test cases are covered in sections above: e2e tests, integration tests.\n- Add e2e tests.\n\n'
      + '## Design\n\nThe goal for this section is that teams know who decides.\n\nThe goal of this proposal is that teams know who decides.\n';
    assert.equal(roleOf(criteria, 'Test cases are covered'), 'narrative:background');
    assert.equal(roleOf(criteria, 'Add e2e'), 'criterion');
    assert.notEqual(roleOf(criteria, 'The goal for this section'), 'goal');
    assert.equal(roleOf(criteria, 'The goal of this proposal'), 'goal');
  });

  it('asks only a question for the targets to head requirements, and reads a heading about choosing goals as design', () => {
    const roles = sectionRoles(parseSpec([
      '# T', '', '## Questionnaire', '', '#### What are the reasonable SLOs for the enhancement?', '', 'a', '',
      '#### Will enabling the feature increase time taken by operations covered by existing SLIs/SLOs?', '', 'b', '',
      '## Axioms for selecting goals', '', 'c', '', '## Goals', '', 'd', '',
    ].join('\n')).sections).map((info) => info.role);
    assert.deepEqual(roles, ['none', 'design', 'requirements', 'design', 'design', 'goals']);
  });

  it('records a purpose clause in the middle of a statement as its justification', () => {
    const found = statement('# T\n\n## Goals\n\n- Mark the objects, to make later cleanup easier.\n', 'Mark');
    assert.equal(found.text.slice(found.justificationStart), ', to make later cleanup easier.');
  });

  it('lets a lead-in that leaves its items out or offers them as suggestions decide their role', () => {
    const text = '# T\n\n## Requirements\n\nThe RFC also has a couple of non-goals:\n\n- The scheme does not try to be compatible with C++.\n\n'
      + '## Design\n\nThe following are suggestions for possible steps we could take (not all will apply):\n\n'
      + '1. Identify important crates and fix them as quickly as possible.\n   - If we develop a tool, in some cases we may be able to fix it.\n'
      + '2. The tool must record every fix.\n\n'
      + '## Graduation Criteria\n\nThe following points were originally considered for GA but are *not* part of this KEP\'s GA release:\n\n'
      + '- Events are triggered to provide users with clear information.\n\nSome functionality is notably absent from this proposal:\n\n- Credential transfer will not be supported for some time.\n';
    assert.equal(roleOf(text, 'The scheme does not'), 'non-goal');
    assert.equal(roleOf(text, 'Identify important'), 'narrative:discussion');
    assert.equal(roleOf(text, 'If we develop'), 'narrative:discussion');
    assert.equal(roleOf(text, 'The tool must'), 'requirement');
    assert.equal(roleOf(text, 'Events are triggered'), 'non-goal');
    assert.equal(roleOf(text, 'Credential transfer'), 'non-goal');
  });

  it('reads what would happen, exclamations and notes on the document\'s own notation as narrative; a requirements section keeps would', () => {
    const text = '# T\n\n## Goals\n\n- A feedback forum would enable us to move quickly.\n\n## Design\n\n'
      + 'Calculating the offset should be straightforward!\n\nIn this RFC, we will use the placeholder name when illustrating desugarings.\n\n'
      + 'Some experiments are listed below.\n\n## Requirements\n\n- The service would log every call.\n';
    assert.equal(roleOf(text, 'A feedback forum'), 'narrative:prediction');
    assert.equal(roleOf(text, 'Calculating the offset'), 'narrative:discussion');
    assert.equal(roleOf(text, 'In this RFC'), 'narrative:discussion');
    assert.equal(roleOf(text, 'Some experiments'), 'narrative:background');
    assert.equal(roleOf(text, 'The service would'), 'requirement');
  });

  it('reads assessments of adequacy, elaborations, consequences and concessions as narrative; a number keeps a target', () => {
    const text = '# T\n\n## Graduation Criteria\n\n- The metric and immutable field should be sufficient as a source of truth.\n'
      + '- The buffer should be enough for 10 users.\n\n## Design\n\nThis may involve stress testing the API with a high volume of requests.\n\n'
      + 'As a consequence, a first attempt to call a C function will just work in most cases.\n\n'
      + 'Although even then it may return a smaller number due to its own fuzziness.\n\nThis is true for external tools and backtraces.\n';
    assert.equal(roleOf(text, 'The metric and immutable'), 'narrative:discussion');
    assert.equal(roleOf(text, 'The buffer should'), 'criterion');
    assert.equal(roleOf(text, 'This may involve'), 'narrative:discussion');
    assert.equal(roleOf(text, 'As a consequence'), 'narrative:rationale');
    assert.equal(roleOf(text, 'Although even'), 'narrative:rationale');
    assert.equal(roleOf(text, 'This is true'), 'narrative:rationale');
  });

  it('records a participle that draws a conclusion as the statement\'s justification', () => {
    const found = statement('# T\n\n## Graduation Criteria\n\n- The documentation recommends the new default, implying that it is reasonable.\n', 'The documentation');
    assert.equal(found.text.slice(found.justificationStart), ', implying that it is reasonable.');
  });

  it('describes a statement for hovers', () => {
    const found = statement('# T\n\n## Requirements\n\n- The API must be fast\n', 'The API');
    assert.equal(describeStatement(found), 'judged as a requirement: \'must\' in "Requirements", a requirements section');
  });
});
