import { pluralEn, pluralRu } from '../format/plural';
import type { MessageParams } from './messageTypes';

const num = (p: MessageParams, name: string): number => Number(p[name] ?? 0);
const str = (p: MessageParams, name: string): string => String(p[name] ?? '');

/** What is wrong inside a damaged settings file (`why`, with `fields` for a wrong value). */
const whyRu = (p: MessageParams): string =>
  p['why'] === 'notJson' ? 'не JSON' : p['why'] === 'notObject' ? 'не объект JSON' : `неверное значение ${str(p, 'fields') || 'настроек'}`;
const whyEn = (p: MessageParams): string =>
  p['why'] === 'notJson' ? 'not JSON' : p['why'] === 'notObject' ? 'not a JSON object' : `wrong value of ${str(p, 'fields') || 'the settings'}`;
/** The file system's code (EACCES…), or a generic word when it gave none. */
const fsRu = (p: MessageParams): string => str(p, 'errno') || 'ошибка файловой системы';
const fsEn = (p: MessageParams): string => str(p, 'errno') || 'file system error';

const damagedRu = {
  'settings.readFailed': (p) =>
    `Не удалось прочитать файл настроек ${str(p, 'file')} (${str(p, 'errno')}). Работают настройки по умолчанию; проверьте права на папку.`,
  'settings.damagedStuck': (p) =>
    `Файл настроек ${str(p, 'file')} повреждён (${whyRu(p)}) и не убран в сторону (${str(p, 'errno')}). Работают настройки по умолчанию; исправьте или удалите файл.`,
  'settings.damagedAside': (p) =>
    `Файл настроек был повреждён (${whyRu(p)}) и сохранён как ${str(p, 'aside')}. Работают настройки по умолчанию: введите настройки заново в режиме менеджера.`,
} satisfies Record<string, (p: MessageParams) => string>;
const damagedEn: Record<keyof typeof damagedRu, (p: MessageParams) => string> = {
  'settings.readFailed': (p) =>
    `Could not read the settings file ${str(p, 'file')} (${str(p, 'errno')}). The default settings are in use; check the rights to the folder.`,
  'settings.damagedStuck': (p) =>
    `The settings file ${str(p, 'file')} is damaged (${whyEn(p)}) and was not moved aside (${str(p, 'errno')}). The default settings are in use; fix or delete the file.`,
  'settings.damagedAside': (p) =>
    `The settings file was damaged (${whyEn(p)}) and saved as ${str(p, 'aside')}. The default settings are in use: enter the settings again in the manager's area.`,
};
/** A missing shop code may come with the reason: the settings file was damaged (`damaged` names that message). */
const alsoDamaged = (table: Readonly<Record<keyof typeof damagedRu, (p: MessageParams) => string>>, p: MessageParams): string => {
  const key = str(p, 'damaged');
  return Object.hasOwn(table, key) ? ` ${table[key as keyof typeof damagedRu](p)}` : '';
};

/** Settings file, environment variables, the manager's password file and sign-in. */
export const settingsRu = {
  ...damagedRu,
  'settings.badValue': (p: MessageParams) => `Настройки не сохранены: неверное значение ${str(p, 'fields') || 'настроек'}.`,
  'settings.saveFailed': (p: MessageParams) =>
    `Не удалось сохранить настройки в ${str(p, 'file')} (${str(p, 'errno')}). Проверьте место на диске и права на папку.`,
  'settings.noShopCode': (p: MessageParams) =>
    `Не задан код магазина: задайте его в режиме менеджера приложения или переменной ${str(p, 'env')}.${alsoDamaged(damagedRu, p)}`,
  'settings.noSecret': (p: MessageParams) => `Не задан секретный код магазина: задайте его в режиме менеджера приложения или переменной ${str(p, 'env')}.`,
  'settings.envShopCode': (p: MessageParams) =>
    `Переменная ${str(p, 'env')} должна быть кодом магазина, целым числом от 1 (сейчас «${str(p, 'value')}»).`,
  'settings.envKassa': (p: MessageParams) =>
    `Переменная ${str(p, 'env')} должна быть номером кассы, целым числом от 1 до 1000000 (сейчас «${str(p, 'value')}»).`,
  'settings.envSecret': (p: MessageParams) => `Переменная ${str(p, 'env')} должна быть секретным кодом магазина, целым неотрицательным числом.`,
  'settings.envApiUrl': (p: MessageParams) => `Переменная ${str(p, 'env')} должна быть адресом вида https://skidkabot.ru (сейчас «${str(p, 'value')}»).`,
  'settings.alreadySetUp': () => 'Касса уже настроена: меняйте настройки в режиме менеджера.',
  'keychain.unavailableWhy': (p: MessageParams) =>
    `Хранилище паролей ОС недоступно (техническая причина: ${str(p, 'reason') || 'неизвестная ошибка'}). Секретный код магазина хранится только там: обратитесь к администратору компьютера.`,
  'password.alreadySet': () => 'Пароль менеджера уже задан. Войдите с ним.',
  'password.notSet': () => 'Пароль менеджера ещё не задан: задайте его.',
  'password.tooShort': (p: MessageParams) =>
    `Пароль менеджера слишком короткий: нужно не меньше ${num(p, 'min')} ${pluralRu(num(p, 'min'), 'символа', 'символов', 'символов')}.`,
  'password.writeFailed': (p: MessageParams) => `Не удалось записать файл пароля менеджера (${fsRu(p)}). Проверьте место на диске и права на папку.`,
  'password.readFailed': (p: MessageParams) => `Не удалось прочитать файл пароля менеджера (${fsRu(p)}). Проверьте права на папку данных.`,
  'password.damagedStuck': (p: MessageParams) => `Файл пароля менеджера повреждён и не убран в сторону (${fsRu(p)}). Удалите его: ${str(p, 'file')}.`,
  'password.damagedAside': (p: MessageParams) => `Файл пароля менеджера был повреждён и сохранён как ${str(p, 'aside')}. Задайте пароль менеджера заново.`,
} satisfies Record<string, (p: MessageParams) => string>;

export const settingsEn: Record<keyof typeof settingsRu, (p: MessageParams) => string> = {
  ...damagedEn,
  'settings.badValue': (p) => `The settings were not saved: wrong value of ${str(p, 'fields') || 'the settings'}.`,
  'settings.saveFailed': (p) => `Could not save the settings to ${str(p, 'file')} (${str(p, 'errno')}). Check the free disk space and the rights to the folder.`,
  'settings.noShopCode': (p) =>
    `No shop code: set it in the app's manager area or in the ${str(p, 'env')} variable.${alsoDamaged(damagedEn, p)}`,
  'settings.noSecret': (p) => `No shop secret: set it in the app's manager area or in the ${str(p, 'env')} variable.`,
  'settings.envShopCode': (p) => `The ${str(p, 'env')} variable must be a shop code, a whole number from 1 (now "${str(p, 'value')}").`,
  'settings.envKassa': (p) => `The ${str(p, 'env')} variable must be a till number, a whole number from 1 to 1000000 (now "${str(p, 'value')}").`,
  'settings.envSecret': (p) => `The ${str(p, 'env')} variable must be the shop secret, a whole number, zero or more.`,
  'settings.envApiUrl': (p) => `The ${str(p, 'env')} variable must be an address like https://skidkabot.ru (now "${str(p, 'value')}").`,
  'settings.alreadySetUp': () => "The till is already set up: change the settings in the manager's area.",
  'keychain.unavailableWhy': (p) =>
    `The OS password store is unavailable (technical reason: ${str(p, 'reason') || 'unknown error'}). The shop secret is kept only there: ask the computer administrator.`,
  'password.alreadySet': () => 'The manager password is already set. Sign in with it.',
  'password.notSet': () => 'The manager password is not set yet: set it.',
  'password.tooShort': (p) => `The manager password is too short: it needs at least ${num(p, 'min')} ${pluralEn(num(p, 'min'), 'character', 'characters')}.`,
  'password.writeFailed': (p) => `Could not write the manager password file (${fsEn(p)}). Check the free disk space and the rights to the folder.`,
  'password.readFailed': (p) => `Could not read the manager password file (${fsEn(p)}). Check the rights to the data folder.`,
  'password.damagedStuck': (p) => `The manager password file is damaged and was not moved aside (${fsEn(p)}). Delete it: ${str(p, 'file')}.`,
  'password.damagedAside': (p) => `The manager password file was damaged and saved as ${str(p, 'aside')}. Set the manager password again.`,
};
