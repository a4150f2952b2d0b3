import type { ViteUserConfig } from 'vitest/config';

export declare function jsdomTestConfig(setupFile: string): ViteUserConfig;
