// expect: clean
import * as react from 'react';
import * as shared from '../src-shared/parseJson';
import * as own from './App';
export const probe = [react, shared, own];
