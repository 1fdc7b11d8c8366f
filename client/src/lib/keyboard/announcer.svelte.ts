// One polite live region for the board page: what a keyboard action did out of sight (a card
// deleted, a step undone) is read to screen-reader users. Saying the same words twice in a
// row must be heard twice, so a repeat clears the region first and writes it a moment later.
export class Announcer {
  message = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;

  say(message: string): void {
    clearTimeout(this.#timer);
    if (message !== this.message) {
      this.message = message;
      return;
    }
    this.message = '';
    this.#timer = setTimeout(() => (this.message = message), 50);
  }

  destroy(): void {
    clearTimeout(this.#timer);
  }
}
