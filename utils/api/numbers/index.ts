export { createNumbersApi, type NumbersApi } from './api.ts';
export type { ApiOptions } from '../http.ts';
export * from './types.ts';
