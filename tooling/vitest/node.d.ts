import type { ViteUserConfig } from 'vitest/config';

export declare const nodeTestConfig: ViteUserConfig;
