import path from 'node:path';
import { app } from 'electron';
import type { ScannerHost } from '../app/scannerBridge';
import { createNodeHidTransport } from '../scanner/hidTransport';
import { UDEV_RULE_NAME } from '../scanner/udevRule';

/** This computer's USB bus through node-hid, and the udev rule where the Linux package put it (resources/udev). */
export function nodeHidScannerHost(): ScannerHost {
  const udevDir = app.isPackaged ? path.join(process.resourcesPath, 'udev') : path.join(app.getAppPath(), 'assets', 'udev');
  return {
    transport: createNodeHidTransport(),
    platform: process.platform,
    udevRuleFile: path.join(udevDir, UDEV_RULE_NAME),
    // The AppImage runtime sets APPIMAGE to the image's own path for the app it starts.
    fromAppImage: app.isPackaged && Boolean(process.env['APPIMAGE']),
  };
}
