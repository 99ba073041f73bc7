export const GENERAL_HELP = `Usage: specready <command> [options]

Lint Markdown specs so that they can be handed to engineers outside the team.

Commands:
  check [paths...]  Check spec files and folders (default: the current folder)
  rules             List the rules with their documentation
  export <spec.md>  Write a handoff bundle of one spec (zip or folder)
  new <profile> <path>
                    Create a spec from a template (service, api, bugfix, integration)
  mcp               Serve the checks to coding agents (Model Context Protocol, stdio)

Options:
  -h, --help        Show help (also: specready <command> --help)
  -v, --version     Show the version

Exit status: 0 when no file has errors and the limits hold, 1 otherwise,
2 for a usage or configuration error.
`;

export const CHECK_HELP = `Usage: specready check [paths...] [options]

Checks the given files, and the spec files found in the given folders (default: ".").
In a folder, a spec is a file matching the configured include globs (default
**/*.spec.md, **/specs/**/*.md, **/*.handoff.md) or a Markdown file whose front
matter says "specready: true". Globs are relative to the project root: the folder
of the nearest .specready.* file, else the git work tree, else the current folder.
Files named explicitly are always checked; a folder named explicitly that holds
no spec is an error. Handoff bundles written by "specready export" are skipped.

Options:
  --format <name>     stylish (default), json, sarif, github or markdown (a compact
                      report for coding agents and pull-request comments)
  --config <file>     Use this configuration instead of the nearest
                      .specready.json, .specready.yaml or .specready.yml
  --min-score <n>     Fail when a file's readiness score is below n (0-100)
  --max-warnings <n>  Fail when there are more than n warnings in total
  --max-file-size <KiB>
                      Files larger than this get a notice instead of a check
                      (default: maxFileSizeKB of the configuration, else 2048)
  --no-error-on-unmatched-pattern
                      Let a folder named on the command line, or the current
                      folder when none is named, hold no spec
  --only-specs        Skip files named on the command line that are not specs
                      (by the include/exclude globs and front matter), silently;
                      for the file lists of pre-commit hooks and lint-staged
  --cache             Reuse the reports of files unchanged since the last run
                      (same content, configuration, link targets and version)
  --cache-location <path>
                      Cache file, or folder to keep it in (default:
                      .specreadycache in the current folder)
  --cache-strategy metadata|content
                      How a file counts as unchanged: the same size and
                      modification time (metadata, the default, as ESLint), or
                      the same content (content: for CI, where a fresh clone
                      gives every file a new modification time)
  --explain           After the findings, list every point each file's score
                      lost and why, blockers first (JSON has it in breakdown)
  -w, --watch         Check, then check again whenever a checked file, a file
                      in a checked folder, a configuration file or a file a
                      spec links changes, and print only what changed (new and
                      fixed findings, scores); with --format json, the whole
                      report as one JSON line per run. Ctrl-C stops. Not with
                      --changed-since or the suppression-writing options
  -h, --help          Show this help

Pull requests:
  --changed-since <git-ref>
                      Check only specs changed since the merge base of the ref
                      and HEAD (uncommitted changes included), and specs that
                      link to a changed file; report each score before and after
  --fail-on-score-drop
                      With --changed-since: fail when a spec's score fell
  When $GITHUB_STEP_SUMMARY is set, a table of the checked specs is appended to it.

Bulk suppressions (adopting SpecReady in a repository that already has findings):
  --suppress-all      Record every current error and warning of the checked
                      files in specready-suppressions.json; later checks
                      report only findings beyond the recorded counts
  --suppress-rule <id>
                      Record only this rule's findings (repeatable)
  --prune-suppressions
                      Lower the recorded counts to the findings that are left
  --suppressions-location <file>
                      Use this file (default: the nearest
                      specready-suppressions.json, else one in this folder)
  --pass-on-unpruned-suppressions
                      Do not fail when recorded findings have been fixed

Exit status: 0 when no file has errors and the limits hold, 1 otherwise,
2 for a usage or configuration error.
`;

export const RULES_HELP = `Usage: specready rules [rule-id...] [options]

Lists every rule (or only the rules named) with its default severity, what it reports,
why, and examples.

Options:
  --format <name>  text (default), json or markdown
  -h, --help       Show this help
`;
