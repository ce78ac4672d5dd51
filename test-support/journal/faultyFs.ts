import { nodeJournalFs, type AppendFile, type JournalFs } from '../../src-main/journal/fsPort';

export type FsCall = 'mkdir' | 'readdir' | 'readFile' | 'openAppend' | 'write' | 'datasync' | 'truncate' | 'writeFileAtomic' | 'remove' | 'syncDir';

export interface FsEvent {
  call: FsCall;
  path: string;
}

/** Decides, per call, whether it fails and with which errno code (null: it goes through). */
export type FaultRule = (event: FsEvent) => string | null;

function errnoError(code: string, event: FsEvent): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated, ${event.call} '${event.path}'`);
  error.code = code;
  return error;
}

/**
 * The real file system with a log of every call and failures on demand. A failing `write` first
 * writes half of its bytes, as a disk that fills up mid-line does.
 */
export function faultyFs(rule: FaultRule = () => null, base: JournalFs = nodeJournalFs): { fs: JournalFs; events: FsEvent[] } {
  const events: FsEvent[] = [];
  const check = (call: FsCall, path: string): void => {
    const event = { call, path };
    events.push(event);
    const code = rule(event);
    if (code) throw errnoError(code, event);
  };
  const wrapFile = (file: AppendFile): AppendFile => ({
    path: file.path,
    size: () => file.size(),
    async write(data) {
      const event: FsEvent = { call: 'write', path: file.path };
      events.push(event);
      const code = rule(event);
      if (code) {
        await file.write(data.subarray(0, Math.floor(data.length / 2)));
        throw errnoError(code, event);
      }
      await file.write(data);
    },
    async datasync() {
      check('datasync', file.path);
      await file.datasync();
    },
    async truncate(size) {
      check('truncate', file.path);
      await file.truncate(size);
    },
    close: () => file.close(),
  });
  const fs: JournalFs = {
    async mkdir(dir) {
      check('mkdir', dir);
      await base.mkdir(dir);
    },
    async readdir(dir) {
      check('readdir', dir);
      return base.readdir(dir);
    },
    async readFile(file) {
      check('readFile', file);
      return base.readFile(file);
    },
    async openAppend(file) {
      check('openAppend', file);
      return wrapFile(await base.openAppend(file));
    },
    async writeFileAtomic(file, data) {
      check('writeFileAtomic', file);
      await base.writeFileAtomic(file, data);
    },
    async remove(file) {
      check('remove', file);
      await base.remove(file);
    },
    async syncDir(dir) {
      check('syncDir', dir);
      await base.syncDir(dir);
    },
  };
  return { fs, events };
}
