// expect: clean
import * as shared from './parseJson';
export const probe = shared;
