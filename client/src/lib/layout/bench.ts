// Times the auto-layout on generated boards. Not a test (wall-clock numbers depend on the
// machine); run it by hand from the repository root:
//   npx tsx client/src/lib/layout/bench.ts
import { computeLayout, MAX_LAYERED_CARDS } from './autoLayout.js';
import { randomBoard } from './boardFixtures.js';

const CASES: readonly (readonly [cards: number, links: number])[] = [
  [100, 100],
  [1_000, 1_000],
  [10_000, 5_000],
];

async function main(): Promise<void> {
  // The first layout also initialises ELK; time it apart so the cases below compare layouts.
  const warmStart = performance.now();
  await computeLayout(randomBoard(1, 20, 20));
  console.log(`warm-up (ELK initialisation + 20 cards): ${Math.round(performance.now() - warmStart)} ms`);
  console.log(`cap: ${MAX_LAYERED_CARDS} linked cards`);

  for (const [cards, links] of CASES) {
    const view = randomBoard(7, cards, links);
    const start = performance.now();
    const { moves, truncated } = await computeLayout(view);
    const ms = Math.round(performance.now() - start);
    console.log(`${cards} cards / ${links} links: ${ms} ms, ${moves.length} moves, ${truncated} linked cards sent to the grid by the cap`);
  }
}

await main();
