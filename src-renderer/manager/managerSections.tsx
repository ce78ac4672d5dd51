import type { ReactNode } from 'react';
import type { AppState } from '../../src-shared/ipc/views';
import type { DictionaryWith } from '../i18n/dictionary';
import { JournalScreen } from '../journal/JournalScreen';
import { CameraSection } from '../camera/CameraSection';
import { LocalApiSection } from '../localApi/LocalApiSection';
import { ScannerSection } from '../scanner/ScannerSection';
import { UpdateSection } from './UpdateSection';
import { ManagerSettings } from './ManagerSettings';

/**
 * One tab of the manager's area. A section is a self-contained component: adding one (updater status,
 * the local API token, a camera) is one line in MANAGER_SECTIONS, in the order the tabs show.
 */
export interface ManagerSection {
  id: string;
  label(t: DictionaryWith<'manager'>): string;
  /** A count that needs the manager (operations to settle): shown on the tab, and the tab opens first. */
  badge?(app: AppState): number;
  render(): ReactNode;
}

export const MANAGER_SECTIONS: readonly ManagerSection[] = [
  { id: 'journal', label: (t) => t.journal.tab, badge: (app) => app.unresolved, render: () => <JournalScreen /> },
  { id: 'settings', label: (t) => t.journal.settingsTab, render: () => <ManagerSettings /> },
  { id: 'devices', label: (t) => t.journal.devicesTab, render: () => <Tab sections={[<ScannerSection key="scanner" />, <CameraSection key="camera" />]} /> },
  { id: 'program', label: (t) => t.journal.programTab, render: () => <Tab sections={[<LocalApiSection key="api" />, <UpdateSection key="updates" />]} /> },
];

/** The tab to open: the first one with something to settle, else the settings, where a manager usually comes to work. */
export function firstSection(sections: readonly ManagerSection[], app: AppState): string {
  return sections.find((section) => (section.badge?.(app) ?? 0) > 0)?.id ?? 'settings';
}

/** A tab of self-contained sections, one under the other. */
function Tab({ sections }: { sections: ReactNode[] }) {
  return <main className="manager">{sections}</main>;
}
