/** The CLI asks the till for this to get the lines a person reads along with the JSON object. */
export const REPORT_MEDIA_TYPE = 'application/vnd.skidkabot.report+json';
