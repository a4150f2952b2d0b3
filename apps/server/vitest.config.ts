import { nodeTestConfig } from '@switchboard/tooling/vitest/node';

export default nodeTestConfig;
