import { switchboardAppConfig } from '@switchboard/tooling/vite/app';

export default switchboardAppConfig({ base: '/workspace/', port: 5173 });
