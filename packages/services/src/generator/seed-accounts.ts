import type { Role } from '@kangyang/domain/access';
import type { Db } from '../db/database.ts';
import { createAccount } from '../auth/accounts.ts';

export type DemoAccount = {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  description: string;
};

/** Demo logins covering the roles of security.md (demo mode only; refused in production, MLP-6). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'district',
    displayName: '上城区民政局 王科长',
    role: 'civilAffairsAdmin',
    regionCode: '330102',
    description: '区民政管理员 district civil-affairs admin (上城区)',
  },
  {
    username: 'street',
    displayName: '湖滨街道 李干事',
    role: 'streetOfficer',
    regionCode: '330102002',
    description: '街道干部 street officer (湖滨街道)',
  },
  {
    username: 'street2',
    displayName: '清波街道 赵干事',
    role: 'streetOfficer',
    regionCode: '330102001',
    description: '街道干部 street officer (清波街道)',
  },
  {
    username: 'community',
    displayName: '社区工作者 陈姐',
    role: 'communityWorker',
    regionCode: '330102002001',
    description: '社区工作者 community worker',
  },
  {
    username: 'caregiver',
    displayName: '护理员 张阿姨',
    role: 'caregiver',
    regionCode: '330102',
    description: '护理员 caregiver (phone view)',
  },
  {
    username: 'institution',
    displayName: '机构负责人 周院长',
    role: 'institutionManager',
    regionCode: '330102',
    description: '机构负责人 institution manager',
  },
  {
    username: 'assessor',
    displayName: '评估员 孙医生',
    role: 'assessor',
    regionCode: '330102',
    description: '评估员 assessor',
  },
  {
    username: 'assessor2',
    displayName: '评估员 李护士',
    role: 'assessor',
    regionCode: '330102',
    description: '评估员 second assessor (both sign an assessment)',
  },
  {
    username: 'finance',
    displayName: '财政 吴会计',
    role: 'financeOfficer',
    regionCode: '330102',
    description: '财政 finance officer',
  },
  {
    username: 'auditor',
    displayName: '审计管理员',
    role: 'auditor',
    regionCode: '330102',
    description: '审计管理员 auditor',
  },
  {
    username: 'sysadmin',
    displayName: '系统管理员',
    role: 'sysAdmin',
    regionCode: '330102',
    description: '系统管理员 system admin',
  },
  {
    username: 'secadmin',
    displayName: '安全管理员',
    role: 'securityAdmin',
    regionCode: '330102',
    description: '安全管理员 security admin',
  },
  {
    username: 'elder',
    displayName: '老年人本人',
    role: 'elder',
    regionCode: '330102002',
    description: '老年人本人 the elder (phone page /my)',
  },
  {
    username: 'family',
    displayName: '家属',
    role: 'familyMember',
    regionCode: '330102002',
    description: '家属 a family member (phone page /my)',
  },
];

export async function seedDemoAccounts(db: Db, passwords: { admin: string; staff: string }, now: Date): Promise<void> {
  await createAccount(
    db,
    {
      username: 'admin',
      displayName: '演示管理员',
      password: passwords.admin,
      grants: [{ role: 'demoAdmin', regionCode: '330102' }],
      isDemo: true,
    },
    now,
  );
  for (const account of DEMO_ACCOUNTS) {
    await createAccount(
      db,
      {
        username: account.username,
        displayName: account.displayName,
        password: passwords.staff,
        grants: [{ role: account.role, regionCode: account.regionCode }],
        isDemo: true,
      },
      now,
    );
  }
}
