import type { DemoLogins } from '@kangyang/services/generator/seed-demo';

/** Prints where the platform listens and, in demo mode, how to log in (README contract). */
export function printBanner(url: string, demo: DemoLogins | undefined): void {
  const lines = [`康养平台已启动 Kangyang is running: ${url}`, `  API 文档 API docs: ${url}/api/docs`];
  if (demo) {
    lines.push(`  演示账号 admin / ${demo.adminPassword}`);
    lines.push(`  其他演示账号 (other demo accounts), 密码 password: ${demo.staffPassword}`);
    for (const account of demo.accounts) lines.push(`    ${account.username.padEnd(16)} ${account.description}`);
  }
  console.log(lines.join('\n'));
}
