import path from 'node:path';
import { app, dialog } from 'electron';
import type { BrowserWindow, SaveDialogOptions } from 'electron';
import type { ExportTarget } from '../app/journalService';

/**
 * Where the manager's journal export goes in the app: a save dialog over the till's window, opened
 * in Documents with the suggested name. Cancelling writes nothing.
 */
export function saveDialogTarget(owner: () => BrowserWindow | null): ExportTarget {
  return async (suggestedName) => {
    const options: SaveDialogOptions = {
      title: 'Сохранить журнал операций',
      buttonLabel: 'Сохранить',
      defaultPath: path.join(app.getPath('documents'), suggestedName),
      filters: [{ name: 'Таблица CSV для Excel', extensions: ['csv'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const window = owner();
    const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  };
}
