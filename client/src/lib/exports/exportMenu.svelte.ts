// The Export menu's state: what is chosen, and the download under way. A big board's PDF or PNG
// takes seconds to make on the server, so a download shows the time it has taken and can be
// cancelled; the file is then saved under a name made from the board's title (fileName.ts).
import { isAtMost, type Sensitivity } from '@interlink/model';
import type { Role } from '@interlink/protocol';
import { describeApiError, type PageMessage } from '../api/describe.js';
import { downloadExport, type Fetch } from './boardFiles.js';
import {
  DEFAULT_EXPORT_CHOICE,
  formatOptions,
  sensitivityChoices,
  type ExportChoice,
  type ExportFormat,
  type Fit,
  type FormatOptions,
  type PageSize,
  type PdfOrientation,
  type PngScale,
} from './exportOptions.js';
import { exportFileName } from './fileName.js';
import { saveFile, type SaveFile } from './saveFile.js';

export type ExportStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly fileName: string; readonly filtered: boolean }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: PageMessage };

export interface ExportMenuOptions {
  readonly boardId: string;
  readonly token: string;
  readonly role: Role;
  /** Read when a download ends, so that a title renamed meanwhile names the file. */
  readonly title: () => string;
  readonly fetch?: Fetch;
  readonly save?: SaveFile;
  readonly now?: () => Date;
}

export class ExportMenuState {
  format = $state<ExportFormat>(DEFAULT_EXPORT_CHOICE.format);
  maxSensitivity = $state<Sensitivity>(DEFAULT_EXPORT_CHOICE.maxSensitivity);
  scale = $state<PngScale>(DEFAULT_EXPORT_CHOICE.scale);
  page = $state<PageSize>(DEFAULT_EXPORT_CHOICE.page);
  orientation = $state<PdfOrientation>(DEFAULT_EXPORT_CHOICE.orientation);
  fit = $state<Fit>(DEFAULT_EXPORT_CHOICE.fit);
  status = $state.raw<ExportStatus>({ kind: 'idle' });
  /** Whole seconds since the running download started. */
  elapsedSeconds = $state(0);

  /** The levels this role may ask for (confidential only for a facilitator). */
  readonly sensitivities: readonly Sensitivity[];
  readonly options: FormatOptions = $derived(formatOptions(this.format));
  readonly running: boolean = $derived(this.status.kind === 'running');
  /** The file will hold confidential cards: the menu says so before the download. */
  readonly confidential: boolean = $derived(this.maxSensitivity === 'confidential');

  readonly #settings: ExportMenuOptions;
  #controller: AbortController | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(settings: ExportMenuOptions) {
    this.#settings = settings;
    this.sensitivities = sensitivityChoices(settings.role);
  }

  get choice(): ExportChoice {
    return { format: this.format, maxSensitivity: this.maxSensitivity, scale: this.scale, page: this.page, orientation: this.orientation, fit: this.fit };
  }

  async download(): Promise<void> {
    if (this.running) return;
    const controller = new AbortController();
    this.#controller = controller;
    const choice = this.choice;
    this.#startClock();
    this.status = { kind: 'running' };
    try {
      const { boardId, token } = this.#settings;
      const file = await downloadExport({ boardId, token, signal: controller.signal, ...(this.#settings.fetch ? { fetch: this.#settings.fetch } : {}) }, choice);
      const fileName = exportFileName(this.#settings.title(), boardId, choice.format, this.#settings.now?.() ?? new Date());
      (this.#settings.save ?? saveFile)(file.blob, fileName);
      // The server filters rather than refuses (a role changed since the page opened): say so.
      const filtered = file.maxSensitivity !== undefined && !isAtMost(choice.maxSensitivity, file.maxSensitivity);
      this.status = { kind: 'done', fileName, filtered };
    } catch (error) {
      this.status = controller.signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', message: describeApiError(error) };
    } finally {
      this.#stopClock();
      if (this.#controller === controller) this.#controller = undefined;
    }
  }

  /** Stops the running download; the server's work is abandoned with the connection. */
  cancel(): void {
    this.#controller?.abort();
  }

  /** The menu opens afresh: the last outcome is forgotten (the choices are kept). */
  open(): void {
    if (!this.running) this.status = { kind: 'idle' };
  }

  /** Closing the menu cancels a download under way: nothing arrives later, unannounced. */
  close(): void {
    this.cancel();
  }

  destroy(): void {
    this.cancel();
    this.#stopClock();
  }

  #startClock(): void {
    this.#stopClock();
    this.elapsedSeconds = 0;
    const started = Date.now();
    this.#ticker = setInterval(() => (this.elapsedSeconds = Math.floor((Date.now() - started) / 1000)), 1000);
  }

  #stopClock(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }
}
