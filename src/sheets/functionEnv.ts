import type { FunctionEnv } from '../functions/types.ts';
import { loadSettings } from './settingsStore.ts';

/** The read-only environment custom functions see; each piece is loaded on first use. */
export function functionEnv(): FunctionEnv {
  let settings: ReturnType<typeof loadSettings>['settings'] | undefined;
  return {
    settings: () => {
      settings ??= loadSettings().settings;
      return settings;
    },
    clock: () => {
      throw new Error('Time zones are not wired yet');
    },
    nowMs: () => Date.now(),
  };
}
