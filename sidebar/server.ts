/**
 * The server, typed, through `google.script.run` as promises. Which functions exist and what
 * they take and return comes from the entry-point table (the `sidebar: true` entries) and the
 * sidebar contract: `import type` only, so no server code reaches the sidebar's bundle.
 * Arguments and results are JSON values only (dates travel as ISO strings).
 */
import { errorText } from '../src/core/common/errors.ts';
import type { SidebarFunctions } from '../src/entryPoints.ts';

type ServerName = keyof SidebarFunctions;

/** `server.sidebarLoad()` and so on: each sidebar entry point, resolving to what it returns. */
export type ServerApi = {
  [K in ServerName]: (
    ...args: Parameters<SidebarFunctions[K]>
  ) => Promise<ReturnType<SidebarFunctions[K]>>;
};

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
}

interface GoogleGlobal {
  script?: { run?: Runner };
}

function callServer(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const google = (globalThis as { google?: GoogleGlobal }).google;
    const run = google?.script?.run;
    if (!run) {
      reject(new Error('The server is not reachable: open this sidebar from the spreadsheet.'));
      return;
    }
    const runner = run
      .withSuccessHandler(resolve)
      .withFailureHandler((error) => reject(new Error(errorText(error))));
    const fn = (runner as unknown as Record<string, unknown>)[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${name}: update the add-in.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/** Each property read is the server function of that name; the types keep the names honest. */
export const server = new Proxy({} as ServerApi, {
  get: (_target, name) => {
    if (typeof name !== 'string') return undefined;
    return (...args: unknown[]) => callServer(name, args);
  },
});
