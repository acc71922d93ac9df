import type { Command } from './command.ts';
import { importEldersCommand } from './commands/import-elders.ts';
import { exportEldersCommand } from './commands/export-elders.ts';
import { migrateCommand } from './commands/migrate.ts';
import { auditVerifyCommand } from './commands/audit-verify.ts';
import { generateCommand } from './commands/generate.ts';
import { profileCommands } from './commands/profiles.ts';
import { ledgerVerifyCommand } from './commands/ledger.ts';

/** Every command of `kangyang`. To add one: a file in commands/ exporting a Command, and a line here. */
export const COMMANDS: readonly Command[] = [
  importEldersCommand,
  exportEldersCommand,
  migrateCommand,
  auditVerifyCommand,
  generateCommand,
  ...profileCommands,
  ledgerVerifyCommand,
];
