/** Fake `Ui` (SpreadsheetApp.getUi()) and the recorder tests assert on. */
import type { EnumValue, Env } from './env.ts';
import { enumName, makeEnum } from './env.ts';

export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: RecordedMenu };

export interface RecordedMenu {
  title: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface RecordedAlert {
  title: string | null;
  prompt: string;
  buttons: string;
  answer: string;
}

export interface RecordedPrompt extends RecordedAlert {
  responseText: string;
}

export interface RecordedHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width: number | null;
  height: number | null;
}

export interface RecordedToast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number | null;
  getHeight(): number | null;
}

/** Everything the scripts showed to the user, plus scripted answers for alerts and prompts. */
export class UiRecorder {
  /** Menus added to the UI with addToUi(), in order. */
  menus: RecordedMenu[] = [];
  alerts: RecordedAlert[] = [];
  prompts: RecordedPrompt[] = [];
  toasts: RecordedToast[] = [];
  dialogs: RecordedHtml[] = [];
  private alertAnswers: string[] = [];
  private promptAnswers: { text: string; button: string }[] = [];

  /** Sidebars shown (subset of dialogs). */
  get sidebars(): RecordedHtml[] {
    return this.dialogs.filter((d) => d.kind === 'sidebar');
  }

  /** Queues the button the next alert() returns (default: OK, or YES for YES_NO sets). */
  answerAlert(button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE'): void {
    this.alertAnswers.push(button);
  }

  /** Queues the next prompt() answer (default: empty text, OK). */
  answerPrompt(text: string, button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE' = 'OK'): void {
    this.promptAnswers.push({ text, button });
  }

  /** Captions of all menu items (nested submenus included). */
  menuItems(): { caption: string; functionName: string }[] {
    const out: { caption: string; functionName: string }[] = [];
    const walk = (m: RecordedMenu): void => {
      for (const it of m.items) {
        if (it.kind === 'item') out.push({ caption: it.caption, functionName: it.functionName });
        else if (it.kind === 'submenu') walk(it.menu);
      }
    };
    for (const m of this.menus) walk(m);
    return out;
  }

  reset(): void {
    this.menus = [];
    this.alerts = [];
    this.prompts = [];
    this.toasts = [];
    this.dialogs = [];
    this.alertAnswers = [];
    this.promptAnswers = [];
  }

  nextAlertAnswer(buttons: string): string {
    const a = this.alertAnswers.shift();
    if (a !== undefined) return a;
    return buttons.startsWith('YES') ? 'YES' : 'OK';
  }

  nextPromptAnswer(buttons: string): { text: string; button: string } {
    const a = this.promptAnswers.shift();
    if (a !== undefined) return a;
    return { text: '', button: buttons.startsWith('YES') ? 'YES' : 'OK' };
  }
}

function isButtonSet(v: unknown): boolean {
  return Object.values(ButtonSet).some((b) => b === v) || (typeof v === 'string' && v in ButtonSet);
}

function buttonValue(name: string): EnumValue {
  return Button[name as keyof typeof Button] ?? Button.OK;
}

export class FakeMenu {
  private readonly rec: RecordedMenu;
  constructor(
    private readonly env: Env,
    private readonly recorder: UiRecorder,
    title: string,
    addon: boolean,
  ) {
    this.rec = { title, addon, items: [] };
  }

  addItem(caption: string, functionName: string): FakeMenu {
    this.env.touch('Menu.addItem', 'ui');
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw new Error("The parameters don't match the method signature for Ui.Menu.addItem.");
    }
    this.rec.items.push({ kind: 'item', caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this.env.touch('Menu.addSeparator', 'ui');
    this.rec.items.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: FakeMenu): FakeMenu {
    this.env.touch('Menu.addSubMenu', 'ui');
    this.rec.items.push({ kind: 'submenu', menu: menu.recorded() });
    return this;
  }

  addToUi(): void {
    this.env.touch('Menu.addToUi', 'ui');
    this.recorder.menus.push(this.rec);
  }

  recorded(): RecordedMenu {
    return this.rec;
  }
}

/** (prompt) | (prompt, buttons) | (title, prompt, buttons), as alert() and prompt() take them. */
function dialogArgs(
  a: unknown,
  b: unknown,
  c: unknown,
): { title: string | null; prompt: string; buttons: string } {
  if (c !== undefined) return { title: String(a), prompt: String(b), buttons: enumName(c) };
  if (b !== undefined && isButtonSet(b)) {
    return { title: null, prompt: String(a), buttons: enumName(b) };
  }
  return { title: null, prompt: String(a), buttons: 'OK' };
}

export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly env: Env,
    private readonly recorder: UiRecorder,
    private readonly addonName: () => string,
  ) {}

  createAddonMenu(): FakeMenu {
    this.env.touch('Ui.createAddonMenu', 'ui');
    return new FakeMenu(this.env, this.recorder, this.addonName(), true);
  }

  createMenu(caption: string): FakeMenu {
    this.env.touch('Ui.createMenu', 'ui');
    return new FakeMenu(this.env, this.recorder, String(caption), false);
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
  alert(a: unknown, b?: unknown, c?: unknown): EnumValue {
    this.env.touch('Ui.alert', 'uiShow');
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const answer = this.recorder.nextAlertAnswer(buttons);
    this.recorder.alerts.push({ title, prompt, buttons, answer });
    return buttonValue(answer);
  }

  prompt(
    a: unknown,
    b?: unknown,
    c?: unknown,
  ): {
    getResponseText(): string;
    getSelectedButton(): EnumValue;
  } {
    this.env.touch('Ui.prompt', 'uiShow');
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const ans = this.recorder.nextPromptAnswer(buttons);
    this.recorder.prompts.push({
      title,
      prompt,
      buttons,
      answer: ans.button,
      responseText: ans.text,
    });
    const env = this.env;
    return {
      getResponseText: () => {
        env.touch('PromptResponse.getResponseText', 'free');
        return ans.text;
      },
      getSelectedButton: () => {
        env.touch('PromptResponse.getSelectedButton', 'free');
        return buttonValue(ans.button);
      },
    };
  }

  showSidebar(html: HtmlLike): void {
    this.env.touch('Ui.showSidebar', 'uiShow');
    this.record('sidebar', html, null);
  }

  showModalDialog(html: HtmlLike, title: string): void {
    this.env.touch('Ui.showModalDialog', 'uiShow');
    this.record('modal', html, title);
  }

  showModelessDialog(html: HtmlLike, title: string): void {
    this.env.touch('Ui.showModelessDialog', 'uiShow');
    this.record('modeless', html, title);
  }

  private record(kind: RecordedHtml['kind'], html: HtmlLike, title: string | null): void {
    if (!html || typeof html.getContent !== 'function') {
      throw new Error(`Invalid argument: userInterface`);
    }
    this.recorder.dialogs.push({
      kind,
      title: title ?? html.getTitle(),
      content: html.getContent(),
      width: html.getWidth(),
      height: html.getHeight(),
    });
  }
}
