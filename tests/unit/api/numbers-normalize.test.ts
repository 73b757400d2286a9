import { describe, expect, it } from 'vitest';
import {
  normalizeCancel,
  normalizeCategories,
  normalizeCode,
  normalizeMessage,
  normalizeRentedNumber,
  normalizeServiceDetails,
  normalizeServices,
} from '../../../utils/api/numbers/normalize.ts';
import { normalizeBalance } from '../../../utils/api/balance.ts';

describe('numbers API normalisers', () => {
  it('reads categories as documented and with odd forms', () => {
    expect(
      normalizeCategories([
        { id: 1, name: 'Google' },
        { id: '2', name: 'Discord', extra: true },
      ]),
    ).toEqual([
      { id: 1, name: 'Google' },
      { id: 2, name: 'Discord' },
    ]);
    expect(normalizeCategories({ '1': { name: 'Google' }, '2': { name: 'Discord' } })).toEqual([
      { id: 1, name: 'Google' },
      { id: 2, name: 'Discord' },
    ]);
    expect(normalizeCategories({ data: [{ id: 3, name: 'X' }] })).toEqual([{ id: 3, name: 'X' }]);
    expect(normalizeCategories([{ id: null, name: 'bad' }, 'junk', { id: 4 }])).toEqual([
      { id: 4, name: '#4' },
    ]);
    expect(normalizeCategories(null)).toEqual([]);
  });

  it('reads services, with the asked category as fallback', () => {
    expect(
      normalizeServices(
        [
          { id: 1, name: 'Whatsapp Fransa', category: 1 },
          { id: '2', name: 'Whatsapp Endonezya', category: '1' },
          { id: 3, name: 'No category' },
        ],
        9,
      ),
    ).toEqual([
      { id: 1, name: 'Whatsapp Fransa', categoryId: 1 },
      { id: 2, name: 'Whatsapp Endonezya', categoryId: 1 },
      { id: 3, name: 'No category', categoryId: 9 },
    ]);
  });

  it('reads service details from an array or a single object, every service the answer lists', () => {
    // The provider's own example: asked for one service, it answers two.
    const list = [
      { id: 1, price: '8', stock: 190 },
      { id: '2', price: '2', stock: '170' },
      { id: 2, price: '3', stock: 1 },
    ];
    const both = [
      { id: 1, price: 8, stock: 190 },
      { id: 2, price: 2, stock: 170 },
    ];
    expect(normalizeServiceDetails(list, 2)).toEqual(both);
    expect(normalizeServiceDetails(list, 99)).toEqual(both);
    expect(normalizeServiceDetails({ id: '5', price: '0.90', stock: '7' }, 5)).toEqual([
      { id: 5, price: 0.9, stock: 7 },
    ]);
    expect(normalizeServiceDetails({ price: 3, stock: null }, 6)).toEqual([{ id: 6, price: 3, stock: 0 }]);
    expect(normalizeServiceDetails([], 1)).toEqual([]);
    expect(normalizeServiceDetails([{ id: 1, price: 'n/a', stock: 3 }], 1)).toEqual([]);
  });

  it('reads a rented number', () => {
    expect(normalizeRentedNumber({ success: true, number_id: 100, number: '+65789654123' })).toEqual({
      numberId: 100,
      number: '+65789654123',
    });
    expect(normalizeRentedNumber({ success: 'true', number_id: '100', number: 65789654123 })).toEqual({
      numberId: 100,
      number: '65789654123',
    });
    expect(normalizeRentedNumber({ success: true, number: '+1' })).toBeNull();
    expect(normalizeRentedNumber({ success: true, number_id: 5 })).toBeNull();
    expect(normalizeRentedNumber([])).toBeNull();
  });

  it('keeps a code as sent and never pads it', () => {
    expect(normalizeCode(110547)).toBe('110547');
    expect(normalizeCode('012345')).toBe('012345');
    expect(normalizeCode(12345)).toBe('12345');
    expect(normalizeCode(' G-4821 ')).toBe('G-4821');
    expect(normalizeCode(null)).toBeNull();
    expect(normalizeCode('')).toBeNull();
  });

  it('reads the message states', () => {
    expect(normalizeMessage({ code: 110547, id: 100, status: 1 }, 100)).toEqual({
      numberId: 100,
      state: 'received',
      code: '110547',
    });
    expect(normalizeMessage({ code: '012345', id: '100', status: '1' }, 100)).toEqual({
      numberId: 100,
      state: 'received',
      code: '012345',
    });
    expect(normalizeMessage({ code: null, id: 100, status: 0 }, 100)).toEqual({
      numberId: 100,
      state: 'waiting',
      code: null,
    });
    expect(normalizeMessage({ status: -1 }, 7)).toEqual({ numberId: 7, state: 'cancelled', code: null });
    expect(normalizeMessage({ status: '-1', code: '' }, 7)?.state).toBe('cancelled');
    // Status 1 without a code: nothing to show yet.
    expect(normalizeMessage({ status: 1, code: null }, 7)?.state).toBe('waiting');
    expect(normalizeMessage('nope', 7)).toBeNull();
  });

  it('reads cancel answers, refused ones included', () => {
    expect(normalizeCancel({ success: true, title: '', message: '' })).toEqual({
      refunded: true,
      title: '',
      message: '',
    });
    expect(
      normalizeCancel({ success: false, title: 'İptal edilemez', message: 'SMS already received' }),
    ).toEqual({
      refunded: false,
      title: 'İptal edilemez',
      message: 'SMS already received',
    });
    expect(normalizeCancel({ success: '1' })).toEqual({ refunded: true, title: '', message: '' });
    expect(normalizeCancel(null)).toBeNull();
  });

  it('reads the balance of either API', () => {
    expect(normalizeBalance({ balance: 100 })).toEqual({ amount: 100, currency: null });
    expect(normalizeBalance({ balance: '100.84292', currency: 'USD' })).toEqual({
      amount: 100.84292,
      currency: 'USD',
    });
    expect(normalizeBalance({ balance: null })).toBeNull();
    expect(normalizeBalance('100')).toBeNull();
  });
});
