import { EXIT, type Command } from '../command.ts';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: '校验审计日志哈希链（AUD-6）：完好时输出行数与链头哈希',
  usage: 'kangyang audit verify',
  options: {},
  async run({ positionals }, context) {
    if (positionals.length > 0) {
      context.io.err(`用法 usage: ${this.usage}\n`);
      return EXIT.failure;
    }
    const session = await context.openSession('audit verify');
    try {
      const result = await session.services.audit.verify();
      if (!result.ok) {
        context.io.err(
          `审计日志校验失败 audit verify FAILED: chain ${result.chain}, first bad sequence number ${result.firstBadSeq} (${result.problem}); ${result.rows} rows checked\n`,
        );
        return EXIT.failure;
      }
      context.io.out(`审计日志完好 audit log OK: ${result.rows} rows\n`);
      for (const head of result.heads) context.io.out(`  chain ${head.chain}  seq ${head.seq}  head ${head.hash}\n`);
      return EXIT.ok;
    } finally {
      await session.close();
    }
  },
};
