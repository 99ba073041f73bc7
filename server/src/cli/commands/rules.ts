import { RULES } from '../../rules/registry';
import type { RulesCommand } from '../args';
import { formatRulesJson, formatRulesMarkdown, formatRulesText } from '../formatters/rules';
import { EXIT_OK, type CliIo } from '../io';

export function runRules(command: RulesCommand, io: CliIo): number {
  const rules = [...RULES]
    .filter((rule) => !command.ids || command.ids.includes(rule.id))
    .sort((a, b) => a.id.localeCompare(b.id));
  const format = { text: formatRulesText, json: formatRulesJson, markdown: formatRulesMarkdown }[command.format];
  io.stdout(format(rules));
  return EXIT_OK;
}
