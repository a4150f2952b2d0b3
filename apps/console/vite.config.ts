import { switchboardAppConfig } from '@switchboard/tooling/vite/app';

export default switchboardAppConfig({ base: '/console/', port: 5174 });
