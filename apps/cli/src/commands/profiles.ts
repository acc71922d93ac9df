import { basename } from 'node:path';
import { BindingBody, BindingDto, ProfileLoadResult } from '@kangyang/contracts/policy';
import { parseProfile } from '@kangyang/contracts/profile';
import { isAppError } from '@kangyang/services';
import { readProfileFiles, type ProfileFile } from '@kangyang/services/profiles/profile-files';
import { createApiClient } from '../api-client.ts';
import {
  EXIT,
  SERVER_OPTIONS,
  serverOf,
  stringOption,
  type CliContext,
  type CliIo,
  type Command,
  type OptionValues,
} from '../command.ts';

/** POL-1, POL-2 from the command line: validate, load and bind plan profiles. */

const VALIDATE_USAGE = 'kangyang profiles validate FILE';
const LOAD_USAGE = 'kangyang profiles load DIR|FILE [--server URL --token TOKEN]';
const BIND_USAGE = 'kangyang profiles bind REGION PROFILE --from YYYY-MM-DD [--server URL --token TOKEN]';

/** Prints every issue of a file as `FILE: field: message`; true when the file is a valid profile. */
function reportIssues(io: CliIo, file: ProfileFile): boolean {
  if (!file.ok) {
    io.err(`${file.path}: 不是有效的 JSON invalid JSON: ${file.error}\n`);
    return false;
  }
  const parsed = parseProfile(file.json);
  if (parsed.ok) return true;
  for (const issue of parsed.issues) io.err(`${file.path}: ${issue.path || '(root)'}: ${issue.message}\n`);
  return false;
}

const describeResult = (result: ProfileLoadResult): string =>
  `方案 profile ${result.profileId} 版本 version ${result.version}（生效 effective ${result.effectiveFrom}）：` +
  (result.status === 'created' ? '已载入 loaded' : '内容未变，未新增 unchanged');

function describeError(error: unknown): string {
  if (!isAppError(error)) return error instanceof Error ? error.message : String(error);
  return `${error.code}${error.field ? ` at ${error.field}` : ''} ${JSON.stringify(error.params)}`;
}

export const profilesValidateCommand: Command = {
  name: 'profiles validate',
  summary: '校验规划方案文件：逐项列出出错字段（POL-1），有误时退出码 1',
  usage: VALIDATE_USAGE,
  options: {},
  async run({ positionals }, context) {
    const [path, ...extra] = positionals;
    if (!path || extra.length > 0) {
      context.io.err(`用法 usage: ${VALIDATE_USAGE}\n`);
      return EXIT.failure;
    }
    let valid = true;
    for (const file of readProfileFiles(path)) {
      if (reportIssues(context.io, file)) context.io.out(`${file.path}: 有效 valid\n`);
      else valid = false;
    }
    return valid ? EXIT.ok : EXIT.failure;
  },
};

async function loadAll(files: readonly ProfileFile[], context: CliContext, values: OptionValues): Promise<number> {
  const server = serverOf(values, context.config);
  const api = server ? createApiClient(server) : undefined;
  const session = api ? undefined : await context.openSession('profiles load');
  let failed = 0;
  try {
    for (const file of files) {
      if (!file.ok || !reportIssues(context.io, file)) {
        failed += 1;
        continue;
      }
      try {
        const result = api
          ? await api.json(ProfileLoadResult, 'POST', '/api/profiles', file.json)
          : await session?.services.profiles.load(session.actor, file.json, basename(file.path));
        if (result) context.io.out(`${file.path}: ${describeResult(result)}\n`);
      } catch (error) {
        failed += 1;
        context.io.err(`${file.path}: ${describeError(error)}\n`);
      }
    }
  } finally {
    await session?.close();
  }
  return failed === 0 ? EXIT.ok : EXIT.failure;
}

export const profilesLoadCommand: Command = {
  name: 'profiles load',
  summary: '载入规划方案（一个文件或目录下全部 .json）：相同内容不新增，变更需更高版本号',
  usage: LOAD_USAGE,
  options: { ...SERVER_OPTIONS },
  async run({ positionals, values }, context) {
    const [path, ...extra] = positionals;
    if (!path || extra.length > 0) {
      context.io.err(`用法 usage: ${LOAD_USAGE}\n`);
      return EXIT.failure;
    }
    return loadAll(readProfileFiles(path), context, values);
  },
};

export const profilesBindCommand: Command = {
  name: 'profiles bind',
  summary: '把区划绑定到规划方案（自某日起；下级区划未单独绑定时继承，POL-2）',
  usage: BIND_USAGE,
  options: { from: { type: 'string' }, ...SERVER_OPTIONS },
  async run({ positionals, values }, context) {
    const [regionCode, profileId, ...extra] = positionals;
    const body = BindingBody.safeParse({ regionCode, profileId, validFrom: stringOption(values, 'from') });
    if (!body.success || extra.length > 0) {
      context.io.err(`用法 usage: ${BIND_USAGE}\n`);
      return EXIT.failure;
    }
    const server = serverOf(values, context.config);
    if (server) {
      const binding = await createApiClient(server).json(BindingDto, 'POST', '/api/profile-bindings', body.data);
      context.io.out(`${binding.regionCode} → ${binding.profileId}（自 from ${binding.validFrom}）\n`);
      return EXIT.ok;
    }
    const session = await context.openSession('profiles bind');
    try {
      const { binding, status } = await session.services.profiles.bind(session.actor, body.data);
      context.io.out(`${binding.regionCode} → ${binding.profileId}（自 from ${binding.validFrom}）：${status}\n`);
      return EXIT.ok;
    } finally {
      await session.close();
    }
  },
};

/** Registered in registry.ts. */
export const profileCommands: readonly Command[] = [profilesValidateCommand, profilesLoadCommand, profilesBindCommand];
