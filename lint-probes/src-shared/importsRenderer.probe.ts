// expect: import-x/no-restricted-paths
import * as renderer from '../src-renderer/App';
export const probe = renderer;
