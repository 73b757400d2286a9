/**
 * Which fields an order form has for each service type, as the common panel scripts' `add` takes them (see the
 * API README's type table). A package sends quantity=1: some scripts answer "Quantity is required" without it.
 */

import type { OrderService, ServiceType } from '../api/orders/types';

/** A form field, named as the `add` parameter it becomes. */
export type FieldName =
  | 'link'
  | 'quantity'
  | 'runs'
  | 'interval'
  | 'comments'
  | 'usernames'
  | 'hashtags'
  | 'hashtag'
  | 'username'
  | 'media'
  | 'answer_number'
  | 'groups'
  | 'keywords'
  | 'min'
  | 'max'
  | 'posts'
  | 'old_posts'
  | 'delay'
  | 'expiry';

/** How a field is typed and checked: a web address, a whole number, one item per line, free text, a date. */
export type FieldKind = 'url' | 'count' | 'lines' | 'text' | 'date';

export interface FieldSpec {
  name: FieldName;
  kind: FieldKind;
  required: boolean;
}

/** Where an order's quantity comes from: the quantity field, the line count of a field, one package, or max. */
export type QuantitySource = 'quantity' | { lines: FieldName } | 'package' | 'subscription';

interface TypeForm {
  fields: FieldSpec[];
  quantity: QuantitySource;
}

const req = (name: FieldName, kind: FieldKind): FieldSpec => ({ name, kind, required: true });
const opt = (name: FieldName, kind: FieldKind): FieldSpec => ({ name, kind, required: false });
const LINK = req('link', 'url');
const QUANTITY = req('quantity', 'count');

const FORMS: Record<Exclude<ServiceType, 'other'>, TypeForm> = {
  default: { fields: [LINK, QUANTITY], quantity: 'quantity' },
  custom_comments: { fields: [LINK, req('comments', 'lines')], quantity: { lines: 'comments' } },
  package: { fields: [LINK], quantity: 'package' },
  custom_comments_package: { fields: [LINK, req('comments', 'lines')], quantity: 'package' },
  mentions: { fields: [LINK, QUANTITY, req('usernames', 'lines')], quantity: 'quantity' },
  mentions_with_hashtags: {
    fields: [LINK, QUANTITY, req('usernames', 'lines'), req('hashtags', 'lines')],
    quantity: 'quantity',
  },
  mentions_custom_list: { fields: [LINK, req('usernames', 'lines')], quantity: { lines: 'usernames' } },
  mentions_hashtag: { fields: [LINK, QUANTITY, req('hashtag', 'text')], quantity: 'quantity' },
  mentions_user_followers: { fields: [LINK, QUANTITY, req('username', 'text')], quantity: 'quantity' },
  mentions_media_likers: { fields: [LINK, QUANTITY, req('media', 'url')], quantity: 'quantity' },
  comment_likes: { fields: [LINK, QUANTITY, req('username', 'text')], quantity: 'quantity' },
  comment_replies: {
    fields: [LINK, req('username', 'text'), req('comments', 'lines')],
    quantity: { lines: 'comments' },
  },
  poll: { fields: [LINK, QUANTITY, req('answer_number', 'count')], quantity: 'quantity' },
  invites_from_groups: { fields: [LINK, QUANTITY, req('groups', 'lines')], quantity: 'quantity' },
  seo: { fields: [LINK, QUANTITY, req('keywords', 'lines')], quantity: 'quantity' },
  subscriptions: {
    fields: [
      req('username', 'text'),
      req('min', 'count'),
      req('max', 'count'),
      opt('posts', 'count'),
      opt('old_posts', 'count'),
      req('delay', 'count'),
      opt('expiry', 'date'),
    ],
    quantity: 'subscription',
  },
};

const DRIP_FEED: FieldSpec[] = [opt('runs', 'count'), opt('interval', 'count')];

/** True when the extension knows the `add` parameters of this type. */
export function isOrderable(type: ServiceType): type is Exclude<ServiceType, 'other'> {
  return type !== 'other';
}

/**
 * Drip-feed is offered for a Default service the panel marks with it; when the panel marks no service
 * at all (it does not send the field), every Default service may take it.
 */
export function offersDripFeed(
  service: Pick<OrderService, 'type' | 'dripfeed'>,
  panelMarksDripFeed: boolean,
): boolean {
  return service.type === 'default' && (service.dripfeed || !panelMarksDripFeed);
}

/** The fields of a service's form, in display order; empty for a type we cannot order. */
export function formFields(service: Pick<OrderService, 'type'>, dripFeed: boolean): FieldSpec[] {
  if (!isOrderable(service.type)) return [];
  const form = FORMS[service.type];
  return dripFeed && service.type === 'default' ? [...form.fields, ...DRIP_FEED] : form.fields;
}

/** Where the quantity of this type comes from; null for a type we cannot order. */
export function quantitySource(type: ServiceType): QuantitySource | null {
  return isOrderable(type) ? FORMS[type].quantity : null;
}
