/** Parameters of a message: numbers and our own words only, never a server's free text shown in English. */
export type MessageParams = Readonly<Record<string, string | number>>;
