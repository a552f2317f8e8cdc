/** HtmlService: HTML outputs and templates read from the dist folder. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from './env.ts';
import { enumName, makeEnum } from './env.ts';
import type { ServiceContext } from './options.ts';

export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT'] as const);

export class FakeHtmlOutput {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  sandboxMode = 'IFRAME';
  xFrameOptionsMode = 'DEFAULT';
  metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly env: Env,
    private content: string,
  ) {}
  getContent(): string {
    this.env.touch('HtmlOutput.getContent', 'free');
    return this.content;
  }
  setContent(content: string): this {
    this.env.touch('HtmlOutput.setContent', 'free');
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.env.touch('HtmlOutput.append', 'free');
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.env.touch('HtmlOutput.appendUntrusted', 'free');
    this.content += String(addedContent)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    return this;
  }
  setTitle(title: string): this {
    this.env.touch('HtmlOutput.setTitle', 'free');
    this.title = String(title);
    return this;
  }
  getTitle(): string {
    this.env.touch('HtmlOutput.getTitle', 'free');
    return this.title;
  }
  setWidth(width: number): this {
    this.env.touch('HtmlOutput.setWidth', 'free');
    this.width = width;
    return this;
  }
  getWidth(): number | null {
    this.env.touch('HtmlOutput.getWidth', 'free');
    return this.width;
  }
  setHeight(height: number): this {
    this.env.touch('HtmlOutput.setHeight', 'free');
    this.height = height;
    return this;
  }
  getHeight(): number | null {
    this.env.touch('HtmlOutput.getHeight', 'free');
    return this.height;
  }
  setSandboxMode(mode: unknown): this {
    this.env.touch('HtmlOutput.setSandboxMode', 'free');
    this.sandboxMode = enumName(mode);
    return this;
  }
  setXFrameOptionsMode(mode: unknown): this {
    this.env.touch('HtmlOutput.setXFrameOptionsMode', 'free');
    this.xFrameOptionsMode = enumName(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.env.touch('HtmlOutput.addMetaTag', 'free');
    this.metaTags.push({ name, content });
    return this;
  }
  setFaviconUrl(_url: string): this {
    this.env.touch('HtmlOutput.setFaviconUrl', 'free');
    return this;
  }
}

export class FakeHtmlTemplate {
  [key: string]: unknown;
  constructor(
    private readonly env: Env,
    private readonly source: string,
  ) {}
  getRawContent(): string {
    return this.source;
  }
  /** Evaluates `<?= expr ?>` (escaped), `<?!= expr ?>` (raw) using the template's properties. */
  evaluate(): FakeHtmlOutput {
    this.env.touch('HtmlTemplate.evaluate', 'free');
    const scope: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (k !== 'env' && k !== 'source') scope[k] = v;
    const html = this.source.replace(
      /<\?(!?=)\s*([\s\S]*?)\s*\?>/g,
      (_m, kind: string, expr: string) => {
        const fn = new Function(...Object.keys(scope), `return (${expr});`) as (
          ...a: unknown[]
        ) => unknown;
        const v = String(fn(...Object.values(scope)));
        return kind === '!='
          ? v
          : v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      },
    );
    return new FakeHtmlOutput(this.env, html);
  }
}

export class FakeHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(
    private readonly env: Env,
    private readonly distDir: () => string,
  ) {}

  private readFile(name: string): string {
    const file = name.endsWith('.html') ? name : `${name}.html`;
    const path = join(this.distDir(), file);
    if (!existsSync(path)) throw new Error(`No HTML file named ${name} was found.`);
    return readFileSync(path, 'utf8');
  }

  createHtmlOutput(html?: unknown): FakeHtmlOutput {
    this.env.touch('HtmlService.createHtmlOutput', 'free');
    return new FakeHtmlOutput(this.env, html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.env.touch('HtmlService.createHtmlOutputFromFile', 'free');
    return new FakeHtmlOutput(this.env, this.readFile(String(filename)));
  }
  createTemplate(html: string): FakeHtmlTemplate {
    this.env.touch('HtmlService.createTemplate', 'free');
    return new FakeHtmlTemplate(this.env, String(html));
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    this.env.touch('HtmlService.createTemplateFromFile', 'free');
    return new FakeHtmlTemplate(this.env, this.readFile(String(filename)));
  }
}

/** HtmlService reading the bundle's *.html files from the runtime's dist folder. */
export function makeHtmlService(ctx: ServiceContext): FakeHtmlService {
  return new FakeHtmlService(ctx.env, () => ctx.distDir);
}
