/**
 * `syndic rules list|export|import|apply`: the rules from the command line. The file is
 * the JSON the editor exports too (README, "Rules"); `import` adds its rules after the
 * existing ones, or, if anything in it is wrong, none of them, saying the line and why.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Rule, RuleAction, RuleCondition } from '../../../shared/rules.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { UsageError } from '../usage-error.js';
import { withService } from '../with-service.js';

function ruleId(raw: string | undefined): number {
  const id = Number(raw);
  if (!raw || !Number.isSafeInteger(id) || id < 1)
    throw new UsageError(`"${raw ?? ''}" is not a rule's id (see \`syndic rules list\`)`);
  return id;
}

function conditionText(c: RuleCondition): string {
  return `${c.field} ${c.op} ${JSON.stringify(c.value)}`;
}

function actionText(a: RuleAction): string {
  return a.type === 'tag' ? `tag ${JSON.stringify(a.tag)}` : a.type;
}

/** One line per rule, in the order they run: id, on/off, name, what it does. */
function printRule(io: Io, r: Rule): void {
  const when = r.conditions.map(conditionText).join(r.match === 'all' ? ' and ' : ' or ');
  io.out(`${r.id}\t${r.enabled ? 'on' : 'off'}\t${r.name}\t${when} -> ${r.actions.map(actionText).join(', ')}`);
}

export const rulesCommand = defineCommand({
  name: 'rules',
  usage: 'list [--json] | export [--out FILE] | import FILE | apply ID',
  summary:
    'rules for new articles: list them, export them as JSON, import a file of them,\nor apply one to the articles already stored',
  maxArgs: 2,
  options: {
    json: { type: 'boolean', help: 'list: print a JSON array' },
    out: { type: 'string', value: 'FILE', help: 'export: write to FILE instead of printing' },
  },
  async run({ args, options, dataDir, io }) {
    const [action, target] = args;
    switch (action) {
      case 'list':
        return withService(dataDir, io, async (service) => {
          const rules = await service.listRules();
          if (options.json === true) io.out(JSON.stringify(rules));
          else for (const r of rules) printRule(io, r);
          return EXIT.ok;
        });
      case 'export':
        return withService(dataDir, io, async (service) => {
          const text = await service.exportRules();
          if (options.out) writeFileSync(options.out, text);
          else io.out(text.trimEnd());
          return EXIT.ok;
        });
      case 'import': {
        if (!target) throw new UsageError('give the rules file to import (or - for standard input)');
        const text =
          target !== '-' ? readFileSync(target, 'utf8') : io.stdin ? await io.stdin() : readFileSync(0, 'utf8');
        return withService(dataDir, io, async (service) => {
          const { imported } = await service.importRules(text);
          io.err(`imported ${imported} rules`);
          return EXIT.ok;
        });
      }
      case 'apply': {
        const id = ruleId(target);
        return withService(dataDir, io, async (service) => {
          const { matched, changed } = await service.applyRule(id);
          io.out(`rule ${id}: matched ${matched} stored articles, changed ${changed}`);
          return EXIT.ok;
        });
      }
      default:
        throw new UsageError(`rules: say list, export, import or apply${action ? `, not "${action}"` : ''}`);
    }
  },
});
