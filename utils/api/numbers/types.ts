/** The numbers API (/api/v1) as the rest of the extension sees it: normalised, numbers as numbers. */

export interface NumberCategory {
  id: number;
  name: string;
}

export interface NumberService {
  id: number;
  name: string;
  categoryId: number;
}

export interface NumberServiceDetails {
  id: number;
  price: number;
  stock: number;
}

export interface RentedNumber {
  numberId: number;
  number: string;
}

/** 'received': the SMS came (status 1); 'waiting': not yet (0); 'cancelled': the number was cancelled (-1). */
export type MessageState = 'waiting' | 'received' | 'cancelled';

export interface MessageResult {
  numberId: number;
  state: MessageState;
  /** The code as the panel sent it; a numeric code is String(n), never padded. */
  code: string | null;
}

export interface CancelResult {
  /** True when the panel cancelled the number and refunded it. */
  refunded: boolean;
  title: string;
  message: string;
}

export type { Balance } from '../balance.ts';
