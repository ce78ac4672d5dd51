// expect: no-restricted-imports
import * as react from 'react';
export const probe = react;
