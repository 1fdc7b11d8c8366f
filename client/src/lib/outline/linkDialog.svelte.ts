// The state of the keyboard "Link…" dialog: what is typed, which matching card is active
// (arrow keys), which link kind is chosen. Plain logic lives in linkChoices.ts.
import type { ItemId, ItemView, LinkId } from '@interlink/model';
import { readingOrder } from '../board/outline.js';
import type { BoardSession } from '../board/boardSession.svelte.js';
import { linkChoices, filterTargets, type LinkChoice } from './linkChoices.js';
import { cardLabel } from './labels.js';
import { linkCards } from './outlineActions.js';

export class LinkDialogState {
  query = $state('');
  #active = $state(0);
  #choiceKey = $state<string | undefined>();
  readonly #session: BoardSession;

  readonly source: ItemView | undefined = $derived.by(() => {
    void this.#session.revision;
    return this.#session.mirror.items.get(this.sourceId);
  });

  readonly targets: ItemView[] = $derived.by(() => {
    void this.#session.revision;
    return filterTargets(this.#session.mirror.items.values(), this.sourceId, this.query, cardLabel, readingOrder);
  });

  /** The active match, kept in range as the list shrinks. */
  readonly activeIndex: number = $derived(Math.min(this.#active, Math.max(0, this.targets.length - 1)));
  readonly target: ItemView | undefined = $derived(this.targets[this.activeIndex]);
  readonly choices: LinkChoice[] = $derived(this.source && this.target ? linkChoices(this.source, this.target) : []);
  /** The chosen kind; choosing another card falls back to that pair's default (keys name both ends). */
  readonly choice: LinkChoice | undefined = $derived(this.choices.find((c) => c.key === this.#choiceKey) ?? this.choices[0]);

  constructor(
    session: BoardSession,
    readonly sourceId: ItemId,
  ) {
    this.#session = session;
  }

  setQuery(query: string): void {
    this.query = query;
    this.#active = 0;
  }

  /** Moves the active match by `delta` (arrows), or to an end (Home/End: ±Infinity). */
  move(delta: number): void {
    const last = this.targets.length - 1;
    if (last < 0) return;
    const next = delta === Number.NEGATIVE_INFINITY ? 0 : delta === Number.POSITIVE_INFINITY ? last : this.activeIndex + delta;
    this.#active = Math.max(0, Math.min(last, next));
  }

  activate(id: ItemId): void {
    const index = this.targets.findIndex((item) => item.id === id);
    if (index >= 0) this.#active = index;
  }

  choose(key: string): void {
    this.#choiceKey = key;
  }

  /** Makes the chosen link; undefined when there is nothing to link to (or a card vanished). */
  submit(): { id: LinkId; choice: LinkChoice } | undefined {
    const choice = this.choice;
    if (!choice) return undefined;
    const id = linkCards(this.#session, choice);
    return id ? { id, choice } : undefined;
  }
}
