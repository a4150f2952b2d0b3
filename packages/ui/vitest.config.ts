import { jsdomTestConfig } from '@switchboard/tooling/vitest/jsdom';

export default jsdomTestConfig('./src/testing/setup.ts');
