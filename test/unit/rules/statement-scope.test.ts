import assert from 'node:assert/strict';
import { createLexicon } from '../../../server/src/lexicon/lexicon';
import { hiddenContext } from '../../../server/src/rules/hidden-context';
import { unmeasurableRequirement } from '../../../server/src/rules/unmeasurable-requirement';
import { vagueTerm } from '../../../server/src/rules/vague-term';
import { weakModal } from '../../../server/src/rules/weak-modal';
import type { Rule } from '../../../server/src/rules/types';
import { foundTexts, runRule } from '../helpers';

const found = (rule: Rule, markdown: string): string[] => foundTexts(rule, markdown, { lexicon: createLexicon() });

describe('clarity rules judge statements, not words', () => {
  it('vague-term: judges goals, only strong terms in design sections, never narrative or non-goals', () => {
    const text = [
      '# T', '', '## Motivation', '', 'Today the export is slow for some shops.', '',
      '### Goals', '', '- Provide a simple way to export orders', '',
      '### Non-Goals', '', '- Replace meaningful review of the reports', '',
      '## Detailed design', '', 'The exporter will use various buffers and retry if possible.', '',
      'For example, a large shop has many orders.', '',
    ].join('\n');
    assert.deepEqual(found(vagueTerm, text), ['simple', 'if possible']);
  });

  it('vague-term: a Performance subsection under Background is background', () => {
    const text = '# T\n\n## Background\n\n### Performance\n\n- The report must be fast.\n\n## Requirements\n\n- The report must be fast.\n';
    assert.deepEqual(runRule(vagueTerm, text).map((finding) => finding.range.start.line), [10]);
  });

  it('vague-term: reads words in their sense', () => {
    const requirements = (...items: string[]) => `## Requirements\n\n${items.map((item) => `- ${item}`).join('\n')}\n`;
    assert.deepEqual(found(vagueTerm, requirements(
      'The client must log how many retries it made.',
      'The parser must accept the most common encodings.',
      'If some requests fail, the batch must be retried.',
      'The job must test various values, including: 0, 1 and 65535.',
      'The service must call the Performance API.',
      'The account must hold enough credit to cover the fee (see the fee table).',
    )), []);
    assert.deepEqual(found(vagueTerm, requirements(
      'Most users must be able to export.',
      'When many merchants request statements, the workers must scale.',
      'The job must test various values.',
    )), ['Most', 'many', 'various']);
  });

  it('vague-term: an approximation of a value the section states exactly is settled', () => {
    const text = '## Requirements\n\n- The timeout is `TIMEOUT = 2 s`.\n- The client must give up after approximately 2 s.\n- The client must wait about 5 s.\n';
    assert.deepEqual(found(vagueTerm, text), ['about 5']);
  });

  it('vague-term: skips justification and leading purpose clauses', () => {
    const text = '## Requirements\n\n- Retries must stop after 3 attempts because the queue is small.\n- In order to safely rotate keys, the service must keep two keys.\n';
    assert.deepEqual(found(vagueTerm, text), []);
  });

  it('weak-modal: comparisons, predictions, consequences and "may ... only" are not weak obligations', () => {
    const text = [
      '## Requirements', '',
      '- A replayed call is billed as an ordinary request would be.',
      '- A failed item might be retried in a later batch.',
      '- A malformed request should fail as a result.',
      '- Tokens may be rotated only through the admin API.',
      '- The API should retry failed calls.',
      '',
    ].join('\n');
    assert.deepEqual(found(weakModal, text), ['should']);
  });

  it('weak-modal: outside requirement lists, reports a should set against must in the same list', () => {
    const text = [
      '## Detailed design', '',
      'A naked function:', '',
      '- must have no arguments', '- should specify a calling convention', '',
      'The design should keep the cache warm.', '',
    ].join('\n');
    assert.deepEqual(found(weakModal, text), ['should']);
  });

  it('hidden-context: the document\'s own sections and linked public work are fine; conversations are not', () => {
    const text = [
      '## Overview', '', 'Details.', '', '## Design', '',
      'As discussed in the overview section, retries are capped.',
      'Much like we did with [Project X](https://github.com/example/x), tokens are hashed.',
      'As discussed in the planning call, exports run nightly.',
      '',
    ].join('\n');
    assert.deepEqual(found(hiddenContext, text), ['discussed in the planning call']);
  });

  it('vague-term: a change without an end point in a goal, an amount left to judgement in any binding statement', () => {
    const goals = '# T\n\n## Goals\n\n- Reduce per-cycle scheduling cost.\n- Reduce memory use by 30%.\n- Improve the presubmit test to guarantee that PRs pass.\n- Lower case names only.\n';
    assert.deepEqual(found(vagueTerm, goals), ['Reduce']);
    const design = '# T\n\n## Detailed design\n\nAfter some reasonable period of time, this behavior will be removed.\n\n'
      + 'It is legal for an implementation to cap chaining to a reasonable limit.\n\nThe parser will use a reasonable approach.\n';
    assert.deepEqual(found(vagueTerm, design), ['some', 'reasonable', 'reasonable']);
  });

  it('weak-modal: the prose of a document that never uses must or shall speaks in should', () => {
    const criteria = '# T\n\n## Graduation Criteria\n\nThe changes should be done behind a feature gate.\n\n- Tests should cover upgrades.\n';
    assert.deepEqual(found(weakModal, criteria), ['should']);
    assert.deepEqual(found(weakModal, `${criteria}\n## Requirements\n\n- The API must log calls.\n`), ['should', 'should']);
  });

  it('unmeasurable-requirement: a cost of the quality removed altogether has a target of zero', () => {
    const text = '# T\n\n## Goals\n\n- Eliminate the performance impact of setting SelfLink.\n- Improve scheduling performance.\n';
    assert.deepEqual(found(unmeasurableRequirement, text), ['performance']);
  });

  it('vague-term: a change explained after a colon has its end point; a demonstrative the previous sentence resolves is not vague', () => {
    const goals = '# T\n\n## Goals\n\n- Reduce integration burden: consumers write one integration for every scheduler.\n';
    assert.deepEqual(found(vagueTerm, goals), []);
    const criteria = '# T\n\n## Acceptance Criteria\n\nThe API is stable for two releases. This must be verified by e2e tests.\n\nThis must hold on upgrade.\n';
    assert.deepEqual(found(vagueTerm, criteria), ['This']);
  });

  it('vague-term: a similarity asked for and a comparative amount are vague in design statements; a hedged goal is a goal', () => {
    const design = '# T\n\n## Detailed design\n\nThe number of calls should be comparable to prune-v1.\n\n'
      + 'The key only needs to be comparable between pods.\n\nThe design will use a similar approach.\n\n'
      + 'Failed calls will be retried at a slower rate.\n\nThe cache will be slower than memory.\n';
    assert.deepEqual(found(vagueTerm, design), ['comparable', 'slower']);
    assert.deepEqual(found(vagueTerm, '# T\n\n## Goals\n\nHopefully, the process will end within a year.\n'), ['Hopefully']);
  });

  it('vague-term: speculation, a permitted choice, an explained word and a described likeness are not vague', () => {
    const requirements = (...items: string[]) => `# T\n\n## Requirements\n\n${items.map((item) => `- ${item}`).join('\n')}\n`;
    assert.deepEqual(found(vagueTerm, requirements(
      'The restart duration could be longer if the pod has more containers.',
      'Existing callers will continue to work and can be upgraded as desired.',
      'The binding must apply as broadly as possible (i.e. everywhere the policy allows).',
      'The install must be transparent and similar to other actions.',
      'The guide must serve tools with similar goals.',
      'Then the init container eventually succeeds and the pod must start.',
      'A mobile may be a member of a number of groups.',
      'The report must use a similar format to the self-test.',
      'The flag will eventually be removed.',
    )), ['a number of', 'similar', 'eventually']);
  });

  it('weak-modal: expected results in a test plan and the effects of a hypothetical are not weak obligations', () => {
    const text = '# T\n\n## Test Plan\n\n- (negative) if the resize fails, the PVC should have an event.\n\n'
      + '## Requirements\n\n- Features must not be declared here.\n- Declaring them would cause the scheduler to block pods.\n- The API should retry.\n';
    assert.deepEqual(found(weakModal, text), ['should']);
  });

  it('unmeasurable-requirement: setting up a target, removing a limit or explaining after a colon is not a missing target', () => {
    const text = '# T\n\n## Goals\n\n- Establish an SLO for pod startup latency.\n- Eliminate the message size limit as a bottleneck.\n'
      + '- Enable portability: consumers work with every scheduler through one API.\n- Improve scheduling latency.\n';
    assert.deepEqual(found(unmeasurableRequirement, text), ['latency']);
  });

  it('unmeasurable-requirement: a classifying adjective, a named target or a relation is not a missing target', () => {
    const text = '## Requirements\n\n- Events must be written to a durable store.\n- The feature must not degrade pod startup latency SLOs.\n- Costs must scale with load.\n- The API must keep latency within budget.\n';
    assert.deepEqual(found(unmeasurableRequirement, text), ['latency']);
  });
  it('vague-term: a goal of a document part, asides of design statements, numbered series, lists that say how, reasons after "as"', () => {
    const design = '# T\n\n## Detailed design\n\n'
      + 'The goal for this section is that some teams will be asked if tasks are not done in a timely manner.\n\n'
      + 'Code will compile on the next edition (modulo the usual caveats and so on).\n\n'
      + 'Betas will be called 1.0.0-beta2, -beta3, etc, before the stable release.\n\n'
      + 'This rule should be enforced as strongly as possible, depending on what sort of variable it is:\n\n- stored variables are checked statically\n\n'
      + 'Credential transfer will not initially be supported, as the `sendmsg` interface is complex and bindings will need some time.\n\n'
      + 'This macro will allow frameworks to adopt this annotation where appropriate.\n\n'
      + 'We will provide some helper function to achieve easier migration for users.\n\n'
      + 'Test cases are covered in sections above: e2e tests, integration tests etc.\n\n'
      + 'The importer will support PDF, Word, etc. if possible.\n';
    assert.deepEqual(found(vagueTerm, design), ['etc.', 'if possible']);
    const goals = '# T\n\n## Goals\n\nOur goal is that the process has a reasonable duration.\n';
    assert.deepEqual(found(vagueTerm, goals), ['reasonable']);
  });

  it('vague-term: a context section is read as context whatever its wording, its goals subsection as goals', () => {
    const text = '# T\n\n## Context\n\nDevelopers have to write large amounts of boilerplate, etc.\n\nThe new portal should be user-friendly.\n\n'
      + '- **Performance**: The artifacts should run as fast as possible.\n';
    assert.deepEqual(found(vagueTerm, text), []);
    const goals = '# T\n\n## Motivation\n\nThe portal is slow.\n\n### Goals\n\n- The artifacts should run as fast as possible.\n';
    assert.deepEqual(found(vagueTerm, goals), ['as fast as possible']);
  });

  it('weak-modal: a requirements or criteria area written throughout in should uses it as its voice', () => {
    const criteria = '# T\n\n## Graduation Criteria\n\n### GA\n\n- The API should demonstrate stability.\n- The API should provide the scheduling functions.\n\n'
      + '### Beta\n\n- Manual tests should be passing.\n- (The latter may already be true.)\n- Some characters might have special meaning in some context.\n';
    assert.deepEqual(found(weakModal, criteria), []);
    const mixed = '# T\n\n## Graduation Criteria\n\n### GA\n\n- The API should demonstrate stability.\n- The API should provide the scheduling functions.\n\n'
      + '### Beta\n\n- Manual tests should be passing.\n- Upgrade tests must pass.\n';
    // Only the Beta "should" has a must set against it (a sibling item); the GA list is written in should.
    assert.deepEqual(found(weakModal, mixed), ['should']);
  });
  it('vague-term: embedded questions, choices of other people, instructions to the author, hopes, comparisons and pointed-to criteria', () => {
    const criteria = '# T\n\n## Graduation Criteria\n\n'
      + '- Determine if additional tests are necessary.\n'
      + '- Think about adding new steps in between, etc. Please describe the details.\n'
      + '- We are unable to offer an SLO until the kubelet supports some sort of reallocation.\n'
      + '- It is hoped that packages eventually drop support for older versions.\n'
      + '- Users adopt the new edition, just as we would generally prefer for people to move on.\n'
      + '- Comprehensive test coverage as outlined in the [Integration tests](#integration-tests) section.\n'
      + '- Organizations will add and remove environments as needed.\n'
      + '- Additional tests are added if necessary.\n';
    assert.deepEqual(found(vagueTerm, criteria), ['if necessary']);
    const design = '# T\n\n## Detailed design\n\nSubstring will be near-identical, aside from minor differences such as a larger size to describe the range.\n\n'
      + 'The import will retry at a slower rate.\n';
    assert.deepEqual(found(vagueTerm, design), ['slower']);
  });

  it('vague-term: template questions, purposes, pronoun "others", named needs and events, CI job kinds, criteria named by policy', () => {
    const criteria = '# T\n\n## Graduation Criteria\n\n'
      + '- **What are the reasonable SLOs for the above SLIs?** n/a\n'
      + '- Create a test suite in testgrid to maintain high quality for this feature.\n'
      + '- Re-evaluate the need to skip reconciliation in the event handlers to optimize performance.\n'
      + '- Create a periodic e2e job that runs with the controllers disabled.\n'
      + '- e2e tests are running periodically and are green.\n'
      + '- The labels will be kept for many versions as per the Kubernetes deprecation policy.\n'
      + '- Conduct scale tests to ensure that the API can handle a large number of clusters.\n'
      + '- Retry at a reasonable rate.\n';
    assert.deepEqual(found(vagueTerm, criteria), ['a large number of', 'reasonable']);
    const design = '# T\n\n## Detailed design\n\n'
      + 'If some components use direct leases and others are configured to use coordinated leases, leaders will be elected.\n\n'
      + 'The provisioning script will be updated as necessary to support newer versions of kubeadm.\n\n'
      + 'Eventually, once a type for timestamps is available, these methods will be re-instated.\n\n'
      + 'The representation should eventually become part of a versioned API (after a period of deprecation).\n\n'
      + 'The importer will support PDF, Word and others.\n';
    assert.deepEqual(found(vagueTerm, design), ['eventually', 'and others']);
    const goals = '# T\n\n## Goals\n\n- Improve the reliability of applications by providing a way for containers to terminate gracefully.\n- Improve the reliability of applications.\n';
    assert.deepEqual(found(vagueTerm, goals), ['Improve']);
  });

  it('unmeasurable-requirement: a relative target anywhere in the list item sets the performance target', () => {
    const text = '# T\n\n## Graduation Criteria\n\n- Proved performance gain. A prototype reduced processed events by ~40x. '
      + 'So the minimum goal is 10x without visible overhead.\n- Proved scalability of the watch cache.\n';
    assert.deepEqual(found(unmeasurableRequirement, text), ['scalability']);
  });

  it('vague-term: conditions of a permission, what is to be explained, "so long as", numbered and version series', () => {
    const criteria = '# T\n\n## Graduation Criteria\n\n'
      + '- If we don\'t have enough information to draw a conclusion, we may decide to extend the evaluation period.\n'
      + '- Other potential changes may be included if they make enough progress.\n'
      + '- If we don\'t have enough information, the evaluation must be extended.\n'
      + '- Documentation is added to demonstrate why this is useful and how it is configured.\n'
      + '- A version can be a serialized form of the data, so long as it is stable.\n'
      + '- Six weeks after 1.0.0 is released 1.1.0 will be released, and six weeks after that 1.2.0, etc.\n'
      + '- If betas extend for multiple cycles, they will be called 1.0.0-beta2, -beta3, etc, before the release.\n'
      + '- The importer will support PDF, Word, etc.\n';
    assert.deepEqual(found(vagueTerm, criteria), ['enough', 'enough', 'etc.']);
  });

  it('vague-term: partitions, a thing as a whole, two parts alike, conditions read as yes or no, benefits of an action', () => {
    const goals = '# T\n\n## Goals\n\n- Update the e2e suite by rewriting some tests and adding feature tags to others.\n'
      + '- Notify some admins.\n'
      + '- The failure must happen as long as the feature is correctly enabled.\n'
      + '- Findings must be reported such that developers can fix them as quickly as possible.\n'
      + '- The API must validate the field correctly.\n';
    assert.deepEqual(found(vagueTerm, goals), ['some', 'correctly']);
    const design = '# T\n\n## Detailed design\n\nCSI resizing in general will only leave GA after the expansion feature does.\n\n'
      + 'The `Span` and `RawSpan` types will be very similar.\n\nThe importer will support PDF, Word, etc.\n';
    assert.deepEqual(found(vagueTerm, design), ['etc.']);
  });
});
