/**
 * The orders half of the message protocol (the orders API, /api/v2): merged into ProtocolMap.
 * Each entry: { data; res }.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the orders feature
export interface OrdersProtocolMap {}
