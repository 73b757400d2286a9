export { createOrdersApi, STATUS_BATCH, type OrdersApi } from './api.ts';
export type { ApiOptions } from '../http.ts';
export * from './types.ts';
