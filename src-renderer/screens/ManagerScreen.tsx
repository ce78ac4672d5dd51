import type { AppState } from '../../src-shared/ipc/views';
import { ManagerHome } from '../journal/ManagerHome';
import { ManagerLogin } from './ManagerLogin';

export function ManagerScreen({ app }: { app: AppState }) {
  return app.manager.loggedIn ? <ManagerHome app={app} /> : <ManagerLogin app={app} />;
}
