import { migrate } from '@kangyang/services';
import { EXIT, type Command } from '../command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: '执行数据库迁移（与服务器启动时相同）',
  usage: 'kangyang migrate',
  options: {},
  async run({ positionals }, context) {
    if (positionals.length > 0) {
      context.io.err(`用法 usage: ${this.usage}\n`);
      return EXIT.failure;
    }
    const session = await context.openSession('migrate', { migrate: false });
    try {
      const applied = await migrate(session.services.database);
      context.io.out(
        applied.length === 0
          ? '数据库已是最新，无需迁移\n'
          : `已执行 ${applied.length} 个迁移：\n${applied.map((name) => `  ${name}\n`).join('')}`,
      );
      return EXIT.ok;
    } finally {
      await session.close();
    }
  },
};
