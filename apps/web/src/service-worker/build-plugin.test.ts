import { describe, expect, it } from 'vitest';
import { precacheList } from './build-plugin.ts';

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[], css: string[] = []) => ({
  type: 'chunk' as const,
  fileName,
  isEntry: false,
  facadeModuleId,
  imports,
  code: '',
  viteMetadata: { importedCss: new Set(css), importedAssets: new Set<string>() },
});
const asset = (fileName: string) => ({ type: 'asset' as const, fileName });

describe('the service worker precache list (the offline app shell of one build)', () => {
  const bundle = {
    'index.html': asset('index.html'),
    'assets/index-a1.js': {
      ...chunk('assets/index-a1.js', '/w/src/main.tsx', ['assets/react-b2.js'], ['assets/index-c3.css']),
      isEntry: true,
    },
    'assets/react-b2.js': chunk('assets/react-b2.js', null, []),
    'assets/index-c3.css': asset('assets/index-c3.css'),
    'assets/care-layout-d4.js': chunk(
      'assets/care-layout-d4.js',
      '/w/src/features/home-care/caregiver/care-layout.tsx',
      ['assets/alert-e5.js'],
    ),
    'assets/alert-e5.js': chunk('assets/alert-e5.js', null, ['assets/react-b2.js']),
    'assets/login-page-f6.js': chunk('assets/login-page-f6.js', '/w/src/features/auth/components/login-page.tsx', []),
    'assets/dashboard-g7.js': chunk('assets/dashboard-g7.js', '/w/src/features/dashboards/board.tsx', [
      'assets/echarts-h8.js',
    ]),
    'assets/echarts-h8.js': chunk('assets/echarts-h8.js', null, []),
    'sw.js': chunk('sw.js', '/w/src/service-worker/sw.ts', []),
  };

  it('keeps the entry, the caregiver pages, the sign-in page and what they import, once each', () => {
    const urls = precacheList(bundle);
    expect([...urls].sort()).toEqual(
      [
        '/favicon.svg',
        '/assets/index-a1.js',
        '/assets/react-b2.js',
        '/assets/index-c3.css',
        '/assets/care-layout-d4.js',
        '/assets/alert-e5.js',
        '/assets/login-page-f6.js',
      ].sort(),
    );
  });

  it('leaves out other pages, the worker itself and index.html (fetched network-first)', () => {
    const urls = precacheList(bundle);
    for (const left of ['/assets/dashboard-g7.js', '/assets/echarts-h8.js', '/sw.js', '/index.html'])
      expect(urls).not.toContain(left);
  });
});
