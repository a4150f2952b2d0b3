import type { UserConfig } from 'vite';

export declare function switchboardAppConfig(options: { base: string; port: number }): UserConfig;
