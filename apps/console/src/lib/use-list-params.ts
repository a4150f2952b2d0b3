export { type ListParamChange, useListParams } from '@switchboard/ui';
