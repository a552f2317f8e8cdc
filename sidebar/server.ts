/**
 * The server functions of src/sheets/sidebarApi.ts, typed, through `google.script.run` as
 * promises. Arguments and results are JSON values only (dates travel as ISO strings).
 */
import type { Settings } from '../src/core/settings.ts';
import type {
  MonitoringState,
  SidebarPreviewResult,
  SidebarSaveResult,
  SidebarState,
} from '../src/sheets/sidebarApi.ts';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
}

interface GoogleGlobal {
  script?: { run?: Runner };
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

function callServer<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const google = (globalThis as { google?: GoogleGlobal }).google;
    const run = google?.script?.run;
    if (!run) {
      reject(new Error('The server is not reachable: open this sidebar from the spreadsheet.'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) => reject(new Error(errorMessage(error))));
    const fn = (runner as unknown as Record<string, unknown>)[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${name}: update the add-in.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

export const server = {
  load: (): Promise<SidebarState> => callServer('sidebarLoad'),
  preview: (settings: Settings): Promise<SidebarPreviewResult> =>
    callServer('sidebarPreview', JSON.stringify(settings)),
  save: (settings: Settings): Promise<SidebarSaveResult> =>
    callServer('sidebarSave', JSON.stringify(settings)),
  setMonitoring: (on: boolean, minutes: number): Promise<MonitoringState> =>
    callServer('sidebarSetMonitoring', on, minutes),
  checkLeadsNow: (): Promise<unknown> => callServer('checkLeadsNow'),
};
