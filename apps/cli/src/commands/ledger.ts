import { EXIT, type Command } from '../command.ts';

/** REL-3: `kangyang ledger verify` checks the subsidy ledger's invariants; exit 0 when they hold. */
export const ledgerVerifyCommand: Command = {
  name: 'ledger verify',
  summary: '校验补贴台账不变量（REL-3）：每个对象每月每项目至多一笔有效发放、冲正与追回合规',
  usage: 'kangyang ledger verify',
  options: {},
  async run({ positionals }, context) {
    if (positionals.length > 0) {
      context.io.err(`用法 usage: ${this.usage}\n`);
      return EXIT.failure;
    }
    const session = await context.openSession('ledger verify');
    try {
      const result = await session.services.ledger.verify();
      for (const check of result.checks) {
        const mark = check.ok ? 'ok' : check.severity === 'warning' ? 'WARNING' : 'FAILED';
        const examples = check.examples.length > 0 ? `  e.g. ${check.examples.join(', ')}` : '';
        const line = `  ${check.name}: ${mark} (${check.violations} violations)${examples}\n`;
        if (check.ok) context.io.out(line);
        else context.io.err(line);
      }
      if (!result.ok) {
        context.io.err(`补贴台账校验失败 ledger verify FAILED: ${result.entries} entries checked\n`);
        return EXIT.failure;
      }
      context.io.out(`补贴台账完好 ledger OK: ${result.entries} entries\n`);
      return EXIT.ok;
    } finally {
      await session.close();
    }
  },
};
