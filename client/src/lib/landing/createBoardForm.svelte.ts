// The landing page's form: a title in, a new board's share links out.
import type { CreatedBoard } from '@interlink/protocol';
import { createBoard } from '../api/boards.js';
import { describeApiError, type PageMessage } from '../api/describe.js';

export class CreateBoardForm {
  title = $state('');
  submitting = $state(false);
  error = $state.raw<PageMessage | undefined>();
  created = $state.raw<CreatedBoard | undefined>();

  async submit(): Promise<void> {
    if (this.submitting) return;
    const title = this.title.trim();
    // The server validates too; this only saves a round trip for an obviously empty title.
    if (title === '') {
      this.error = { key: 'landing.form.titleRequired' };
      return;
    }
    this.submitting = true;
    this.error = undefined;
    try {
      this.created = await createBoard(title);
    } catch (error) {
      this.error = describeApiError(error);
    } finally {
      this.submitting = false;
    }
  }

  startOver(): void {
    this.created = undefined;
    this.title = '';
    this.error = undefined;
  }
}
