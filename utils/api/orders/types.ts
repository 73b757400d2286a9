/** The orders API (/api/v2, the standard SMM panel API) as the rest of the extension sees it. */

export type { Balance } from '../balance.ts';

/** The service type decides which `add` parameters an order takes; 'other' is a type we cannot order. */
export type ServiceType =
  | 'default'
  | 'custom_comments'
  | 'custom_comments_package'
  | 'package'
  | 'mentions_with_hashtags'
  | 'mentions_custom_list'
  | 'mentions_hashtag'
  | 'mentions_user_followers'
  | 'mentions_media_likers'
  | 'comment_likes'
  | 'comment_replies'
  | 'poll'
  | 'invites_from_groups'
  | 'seo'
  | 'subscriptions'
  | 'mentions'
  | 'other';

export interface OrderService {
  id: number;
  name: string;
  type: ServiceType;
  /** The type as the panel wrote it ("Custom Comments"). */
  typeText: string;
  category: string;
  /** Price per 1000 units. */
  rate: number;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  description: string;
}

export type OrderStatus =
  'pending' | 'in_progress' | 'processing' | 'completed' | 'partial' | 'canceled' | 'unknown';

export interface OrderStatusInfo {
  status: OrderStatus;
  /** The status as the panel wrote it, shown when the status is 'unknown'. */
  statusText: string;
  charge: number | null;
  startCount: number | null;
  remains: number | null;
  currency: string | null;
}

/** One id of a multi-status answer: its status, or the panel's error for that id alone. */
export type StatusResult = { ok: true; info: OrderStatusInfo } | { ok: false; error: string };

/** Cancel answer for one id. */
export type CancelOrderResult = { ok: true } | { ok: false; error: string };

export interface AddOrderParams {
  service: number;
  link?: string;
  quantity?: number;
  runs?: number;
  interval?: number;
  comments?: string;
  usernames?: string;
  hashtags?: string;
  hashtag?: string;
  username?: string;
  media?: string;
  answer_number?: string;
  groups?: string;
  keywords?: string;
  min?: number;
  max?: number;
  posts?: number;
  old_posts?: number;
  delay?: number;
  expiry?: string;
}
