// The Import dialog's steps: a file is chosen, checked (type, size), read and previewed in the
// browser; only a file whose preview is clean can be sent, and the server's answer is shown. The
// imported cards then reach the board like any other change, through sync.
import type * as Y from 'yjs';
import { describeApiError, type PageMessage } from '../api/describe.js';
import { postImport, type Fetch, type ImportResult } from './boardFiles.js';
import { checkImportFile, type ImportFormat } from './importFile.js';
import type { ImportPreview } from './importPreview.js';

/** Why a file was not even read. */
export type RefusedReason = 'too-large' | 'wrong-type' | 'unreadable';

export type ImportStep =
  | { readonly kind: 'empty' }
  | { readonly kind: 'refused'; readonly fileName: string; readonly size: number; readonly reason: RefusedReason }
  | { readonly kind: 'reading'; readonly fileName: string }
  | { readonly kind: 'preview'; readonly fileName: string; readonly preview: ImportPreview }
  | { readonly kind: 'sending'; readonly fileName: string; readonly preview: ImportPreview }
  | { readonly kind: 'done'; readonly fileName: string; readonly result: ImportResult }
  | { readonly kind: 'failed'; readonly fileName: string; readonly preview: ImportPreview; readonly message: PageMessage };

type PreviewModule = typeof import('./importPreview.js');

export interface ImportDialogOptions {
  readonly boardId: string;
  readonly token: string;
  /** The board as this browser has it, for the preview's dry run. */
  readonly board: () => Y.Doc;
  readonly fetch?: Fetch;
}

/**
 * Loaded on the first preview: the parsers (and csv-parse) are needed by facilitators who import,
 * not in every participant's first download of the board page.
 */
const loadPreview = (): Promise<PreviewModule> => import('./importPreview.js');

export class ImportDialogState {
  step = $state.raw<ImportStep>({ kind: 'empty' });
  /** A file is being dragged over the drop zone. */
  dragging = $state(false);

  /** A clean preview with something to add: the Import button is enabled. */
  readonly canImport: boolean = $derived(
    (this.step.kind === 'preview' || this.step.kind === 'failed') &&
      this.step.preview.ok &&
      this.step.preview.file.items + this.step.preview.file.links > 0,
  );
  readonly busy: boolean = $derived(this.step.kind === 'reading' || this.step.kind === 'sending');

  readonly #settings: ImportDialogOptions;
  /** The text that was previewed: exactly what is sent. */
  #text = '';
  #format: ImportFormat = 'json';
  /** Bumped per chosen file, so that a slow read of an earlier file cannot overwrite a later one. */
  #generation = 0;
  /** dragenter/dragleave pairs still open: moving over the zone's children fires both. */
  #dragDepth = 0;

  constructor(settings: ImportDialogOptions) {
    this.#settings = settings;
  }

  async choose(file: File): Promise<void> {
    if (this.step.kind === 'sending') return;
    const generation = ++this.#generation;
    this.#text = '';
    const check = checkImportFile(file);
    if (!check.ok) {
      this.step = { kind: 'refused', fileName: file.name, size: file.size, reason: check.reason };
      return;
    }
    this.step = { kind: 'reading', fileName: file.name };
    let text: string;
    let module: PreviewModule;
    try {
      [text, module] = await Promise.all([file.text(), loadPreview()]);
    } catch {
      if (generation === this.#generation) this.step = { kind: 'refused', fileName: file.name, size: file.size, reason: 'unreadable' };
      return;
    }
    if (generation !== this.#generation) return;
    const preview = module.previewImport(check.format, text, this.#settings.board());
    this.#text = text;
    this.#format = check.format;
    this.step = { kind: 'preview', fileName: file.name, preview };
  }

  async confirm(): Promise<void> {
    const step = this.step;
    if (!this.canImport || (step.kind !== 'preview' && step.kind !== 'failed')) return;
    const { fileName, preview } = step;
    this.step = { kind: 'sending', fileName, preview };
    try {
      const { boardId, token } = this.#settings;
      const result = await postImport({ boardId, token, ...(this.#settings.fetch ? { fetch: this.#settings.fetch } : {}) }, this.#format, this.#text);
      this.#text = '';
      this.step = { kind: 'done', fileName, result };
    } catch (error) {
      // The server's words (naming the field or rows) are shown; the file can be sent again.
      this.step = { kind: 'failed', fileName, preview, message: describeApiError(error) };
    }
  }

  dragEnter(): void {
    this.#dragDepth++;
    this.dragging = true;
  }

  dragLeave(): void {
    this.#dragDepth = Math.max(0, this.#dragDepth - 1);
    this.dragging = this.#dragDepth > 0;
  }

  /** A drop of several files takes the first: an import is of one file. */
  drop(files: FileList | undefined): void {
    this.#dragDepth = 0;
    this.dragging = false;
    const file = files?.[0];
    if (file) void this.choose(file);
  }

  /** Back to no file chosen; an import already sent is not affected. */
  reset(): void {
    if (this.step.kind === 'sending') return;
    this.#generation++;
    this.#text = '';
    this.#dragDepth = 0;
    this.dragging = false;
    this.step = { kind: 'empty' };
  }
}
