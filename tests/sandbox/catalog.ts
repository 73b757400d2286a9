// Seed data for the sandbox panel: what a Turkish SMS + SMM panel lists (over 250 lines: it is data, one service per type).

/** A numbers-API category (getCategories). */
export interface NumberCategory {
  id: number;
  name: string;
}

/** How phone numbers of a country look: dial code, leading national digits and national length. */
interface Country {
  dial: string;
  lead: string;
  length: number;
}

/** Countries by the Turkish name used in service names. */
export const COUNTRIES: Record<string, Country> = {
  Türkiye: { dial: '90', lead: '5', length: 10 },
  Fransa: { dial: '33', lead: '6', length: 9 },
  Endonezya: { dial: '62', lead: '8', length: 11 },
  Almanya: { dial: '49', lead: '15', length: 11 },
  Amerika: { dial: '1', lead: '2', length: 10 },
  İngiltere: { dial: '44', lead: '7', length: 10 },
  Rusya: { dial: '7', lead: '9', length: 10 },
  Hindistan: { dial: '91', lead: '9', length: 10 },
  Brezilya: { dial: '55', lead: '119', length: 11 },
  Hollanda: { dial: '31', lead: '6', length: 9 },
};

/** A numbers-API service (one country of a category). */
export interface NumberService {
  id: number;
  name: string;
  category: number;
  country: keyof typeof COUNTRIES;
  /** As the panel sends it: a string. */
  price: string;
  stock: number;
}

export const NUMBER_CATEGORIES: readonly NumberCategory[] = [
  { id: 1, name: 'Google' },
  { id: 2, name: 'Discord' },
  { id: 3, name: 'WhatsApp' },
  { id: 4, name: 'Telegram' },
  { id: 5, name: 'Instagram' },
  { id: 6, name: 'Twitter / X' },
  { id: 7, name: 'TikTok' },
  { id: 8, name: 'Facebook' },
];

// Service ids start at 11 so a client that mixes up category and service ids is caught.
// Telegram Endonezya (0.1) + Telegram Hindistan (0.2) is the float trap; Google İngiltere is out of stock.
export const NUMBER_SERVICES: readonly NumberService[] = [
  { id: 11, name: 'Google Türkiye', category: 1, country: 'Türkiye', price: '2.5', stock: 140 },
  { id: 12, name: 'Google Almanya', category: 1, country: 'Almanya', price: '4', stock: 60 },
  { id: 13, name: 'Google Amerika', category: 1, country: 'Amerika', price: '3.75', stock: 85 },
  { id: 14, name: 'Google İngiltere', category: 1, country: 'İngiltere', price: '5', stock: 0 },
  { id: 21, name: 'Discord Amerika', category: 2, country: 'Amerika', price: '1.5', stock: 200 },
  { id: 22, name: 'Discord Rusya', category: 2, country: 'Rusya', price: '0.8', stock: 95 },
  { id: 23, name: 'Discord Hollanda', category: 2, country: 'Hollanda', price: '2', stock: 30 },
  { id: 31, name: 'Whatsapp Türkiye', category: 3, country: 'Türkiye', price: '12.5', stock: 40 },
  { id: 32, name: 'Whatsapp Fransa', category: 3, country: 'Fransa', price: '8', stock: 190 },
  { id: 33, name: 'Whatsapp Endonezya', category: 3, country: 'Endonezya', price: '2', stock: 170 },
  { id: 34, name: 'Whatsapp Brezilya', category: 3, country: 'Brezilya', price: '6', stock: 12 },
  { id: 41, name: 'Telegram Endonezya', category: 4, country: 'Endonezya', price: '0.1', stock: 500 },
  { id: 42, name: 'Telegram Hindistan', category: 4, country: 'Hindistan', price: '0.2', stock: 350 },
  { id: 43, name: 'Telegram Türkiye', category: 4, country: 'Türkiye', price: '9', stock: 25 },
  { id: 51, name: 'Instagram Türkiye', category: 5, country: 'Türkiye', price: '1.75', stock: 80 },
  { id: 52, name: 'Instagram Amerika', category: 5, country: 'Amerika', price: '2.25', stock: 60 },
  { id: 53, name: 'Instagram Endonezya', category: 5, country: 'Endonezya', price: '0.5', stock: 300 },
  { id: 61, name: 'Twitter Amerika', category: 6, country: 'Amerika', price: '1', stock: 45 },
  { id: 62, name: 'Twitter İngiltere', category: 6, country: 'İngiltere', price: '1.4', stock: 22 },
  { id: 63, name: 'Twitter Türkiye', category: 6, country: 'Türkiye', price: '3', stock: 10 },
  { id: 71, name: 'TikTok Türkiye', category: 7, country: 'Türkiye', price: '2', stock: 70 },
  { id: 72, name: 'TikTok Almanya', category: 7, country: 'Almanya', price: '2.8', stock: 33 },
  { id: 81, name: 'Facebook Türkiye', category: 8, country: 'Türkiye', price: '1.6', stock: 54 },
  { id: 82, name: 'Facebook Fransa', category: 8, country: 'Fransa', price: '1.9', stock: 18 },
];

/** An orders-API service as the `services` action lists it (rate/min/max are strings, as panels send them). */
export interface OrderService {
  service: number;
  name: string;
  type: string;
  category: string;
  rate: string;
  min: string;
  max: string;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  desc: string;
}

type ServiceSeed = Omit<OrderService, 'refill' | 'cancel' | 'dripfeed' | 'desc'> & Partial<OrderService>;

// The standard fields first, then the extras, as panels list them.
const seed = (s: ServiceSeed): OrderService => ({
  ...s,
  refill: s.refill ?? false,
  cancel: s.cancel ?? false,
  dripfeed: s.dripfeed ?? false,
  desc: s.desc ?? '',
});

export const ORDER_SERVICES: readonly OrderService[] = [
  seed({
    service: 1,
    name: 'Instagram Takipçi | Gerçek Türk | Düşüş Yok',
    type: 'Default',
    category: 'Instagram Takipçi',
    rate: '0.90',
    min: '50',
    max: '10000',
    refill: true,
    cancel: true,
    dripfeed: true,
    desc: 'Başlangıç: 0-1 saat. Hız: günlük 5K. 30 gün telafi garantisi.',
  }),
  seed({
    service: 2,
    name: 'Instagram Takipçi | Global | Hızlı',
    type: 'Default',
    category: 'Instagram Takipçi',
    rate: '0.35',
    min: '100',
    max: '50000',
    desc: 'Düşüş olabilir, telafi yoktur.',
  }),
  seed({
    service: 3,
    name: 'Instagram Beğeni | Türk',
    type: 'Default',
    category: 'Instagram Beğeni',
    rate: '0.28',
    min: '20',
    max: '20000',
    cancel: true,
    dripfeed: true,
  }),
  seed({
    service: 4,
    name: 'Instagram Özel Yorum | Türk',
    type: 'Custom Comments',
    category: 'Instagram Yorum',
    rate: '8',
    min: '10',
    max: '1500',
    desc: 'Her satıra bir yorum yazın.',
  }),
  seed({
    service: 5,
    name: 'Instagram Paket | 1000 Takipçi + 500 Beğeni',
    type: 'Package',
    category: 'Instagram Paketler',
    rate: '3.5',
    min: '1',
    max: '1',
    desc: 'Paket fiyatıdır (1 paket).',
  }),
  seed({
    service: 6,
    name: 'Instagram Mention | Kullanıcı adları',
    type: 'Mentions',
    category: 'Instagram Mention',
    rate: '2',
    min: '100',
    max: '10000',
  }),
  seed({
    service: 7,
    name: 'Instagram Mention | Hashtag ile',
    type: 'Mentions with Hashtags',
    category: 'Instagram Mention',
    rate: '2.4',
    min: '100',
    max: '10000',
  }),
  seed({
    service: 8,
    name: 'Instagram Mention | Özel liste',
    type: 'Mentions Custom List',
    category: 'Instagram Mention',
    rate: '3',
    min: '10',
    max: '1000',
    desc: 'Her satıra bir kullanıcı adı.',
  }),
  seed({
    service: 9,
    name: 'Instagram Mention | Hashtag kullananlar',
    type: 'Mentions Hashtag',
    category: 'Instagram Mention',
    rate: '2',
    min: '100',
    max: '10000',
  }),
  seed({
    service: 10,
    name: 'Instagram Mention | Kullanıcının takipçileri',
    type: 'Mentions User Followers',
    category: 'Instagram Mention',
    rate: '2.2',
    min: '100',
    max: '10000',
  }),
  seed({
    service: 11,
    name: 'Instagram Mention | Gönderiyi beğenenler',
    type: 'Mentions Media Likers',
    category: 'Instagram Mention',
    rate: '2.2',
    min: '100',
    max: '10000',
  }),
  seed({
    service: 12,
    name: 'Instagram Yorum Beğeni',
    type: 'Comment Likes',
    category: 'Instagram Yorum',
    rate: '1.1',
    min: '50',
    max: '5000',
  }),
  seed({
    service: 13,
    name: 'Instagram Yorum Yanıtı | Özel',
    type: 'Comment Replies',
    category: 'Instagram Yorum',
    rate: '9',
    min: '5',
    max: '500',
  }),
  seed({
    service: 14,
    name: 'Twitter Anket Oyu',
    type: 'Poll',
    category: 'Twitter Anket',
    rate: '1.5',
    min: '100',
    max: '10000',
  }),
  seed({
    service: 15,
    name: 'Google Organik Trafik | Anahtar kelime',
    type: 'SEO',
    category: 'Web Trafik',
    rate: '0.6',
    min: '1000',
    max: '100000',
    desc: 'Her satıra bir anahtar kelime.',
  }),
  seed({
    service: 16,
    name: 'Instagram Otomatik Beğeni | Yeni gönderiler',
    type: 'Subscriptions',
    category: 'Instagram Otomatik Beğeni',
    rate: '0.3',
    min: '50',
    max: '5000',
  }),
  seed({
    service: 17,
    name: 'YouTube Görüntülenme | Yüksek Kalite',
    type: 'Default',
    category: 'YouTube Views',
    rate: '1.20',
    min: '500',
    max: '1000000',
    refill: true,
    cancel: true,
    dripfeed: true,
  }),
  seed({
    service: 18,
    name: 'YouTube Abone | 30 Gün Garantili',
    type: 'Default',
    category: 'YouTube Abone',
    rate: '12',
    min: '50',
    max: '5000',
    refill: true,
  }),
  seed({
    service: 19,
    name: 'TikTok Beğeni | Hızlı',
    type: 'Default',
    category: 'TikTok Beğeni',
    rate: '0.45',
    min: '100',
    max: '100000',
    cancel: true,
  }),
  seed({
    service: 20,
    name: 'TikTok İzlenme',
    type: 'Default',
    category: 'TikTok İzlenme',
    rate: '0.05',
    min: '1000',
    max: '10000000',
  }),
  seed({
    service: 22,
    name: 'Instagram Özel Yorum Paketi | 10 Yorum',
    type: 'Custom Comments Package',
    category: 'Instagram Paketler',
    rate: '4',
    min: '1',
    max: '1',
    desc: 'Paket fiyatıdır; her satıra bir yorum.',
  }),
  seed({
    service: 23,
    name: 'Telegram Üye | Gruplardan davet',
    type: 'Invites from Groups',
    category: 'Telegram Üye',
    rate: '2',
    min: '100',
    max: '10000',
    desc: 'Her satıra bir grup.',
  }),
  // Panel data is text: a client that renders this as HTML runs the handler.
  seed({
    service: 21,
    name: 'Instagram Takipçi <img src=x onerror=alert(1)>',
    type: 'Default',
    category: 'Instagram Takipçi',
    rate: '1.00',
    min: '50',
    max: '5000',
    desc: '<b onmouseover=alert(2)>Açıklama</b>',
  }),
];
