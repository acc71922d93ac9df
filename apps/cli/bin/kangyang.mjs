#!/usr/bin/env node
// `npx kangyang <command>`: TypeScript runs through tsx (no build step, architecture.md §1).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
