import type { CustomerRecord, ShopRecord } from './bank';

/** The vendor's own test shop: code 4, secret 31337, and the percentages of the vendor's example answer. */
export const DEMO_SHOP: ShopRecord = { code: 4, secret: 31337, balance: 5000, pPlus: 2, pMinus: 10 };

/** A shop whose Skidkabot account is below zero: every request for it answers code 15. */
export const INDEBTED_SHOP: ShopRecord = { code: 13, secret: 1313, balance: -150, pPlus: 5, pMinus: 20 };

/** Customers of the demo shop; one has markup in the name, for the screens' escaping. */
export const DEMO_CUSTOMERS: readonly CustomerRecord[] = [
  { client: 83532824, vendor: DEMO_SHOP.code, firstName: 'Иван', lastName: 'Петров', balance: 2365 },
  { client: 51234567, vendor: DEMO_SHOP.code, firstName: 'Мария', lastName: 'Смирнова', balance: 0 },
  { client: 61234568, vendor: DEMO_SHOP.code, firstName: '<b>Ира</b>', lastName: 'Кузнецова', balance: 150 },
  { client: 71234569, vendor: DEMO_SHOP.code, firstName: 'Алексей', lastName: 'Иванов', balance: 12000 },
];

/** A demo customer whose only QR code is two days old, for training on code 9. */
export const EXPIRED_QR_CUSTOMER: CustomerRecord = {
  client: 91234570,
  vendor: DEMO_SHOP.code,
  firstName: 'Пётр',
  lastName: 'Сидоров',
  balance: 800,
};

/** A customer of the other shop: the till must refuse the QR before asking the server. */
export const OTHER_SHOP_CUSTOMER: CustomerRecord = {
  client: 81234571,
  vendor: INDEBTED_SHOP.code,
  firstName: 'Ольга',
  lastName: 'Соколова',
  balance: 500,
};
