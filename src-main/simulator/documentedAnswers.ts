/**
 * The error answers exactly as the vendor documents them, byte for byte, including the two
 * malformed lines (code 4: `"text""` instead of `"text":`; code 15: PHP's `=>` and no closing
 * brace). A client must survive them, so the simulator sends them as they are.
 * Codes 0, 10 and 14 have no documented text: 0 carries data, 10 and 14 are "not used".
 */
export const DOCUMENTED_ANSWERS: Readonly<Record<number, string>> = {
  1: '{"code": 1, "text": "Не хватает обязательного параметра: Код магазина (fk_vendor)"}',
  2: '{"code": 2, "text": "Не хватает обязательного параметра: Код клиента (fk_client)"}',
  3: '{"code": 3, "text": "Не хватает обязательного параметра: Секретный ключ магазина (vendor_secret)"}',
  4: '{"code": 4, "text"" "Не хватает обязательного параметра: Временный ключ QR-кода (qr_secret)"}',
  5: '{"code": 5, "text": "Магазин с таким сочетанием кода и секретного ключа не найден"}',
  6: '{"code": 6, "text": "Клиент не зарегистрирован в базе данных"}',
  7: '{"code": 7, "text": "QR-код не зарегистрирован в базе данных"}',
  8: '{"code": 8, "text": "Неверная контрольная сумма QR-кода. Перевыпустите QR-код."}',
  9: '{"code": 9, "text": "QR-код устарел. Перевыпустите QR-код."}',
  11: '{"code": 11, "text": "Не хватает обязательного параметра: Сумма прибавляемых бонусов (summa)"}',
  12: '{"code": 12, "text": "Не хватает обязательного параметра: Сумма списываемых бонусов (summa)"}',
  13: '{"code": 13, "text": "У клиента не хватает баллов для списания."}',
  15: '{"code"=>15, "text"=>"Извините, на вашем счете отрицательный баланс и СкидкаБот не работает. Пополните ваш баланс на сайте http://skidkabot.ru))"',
};
