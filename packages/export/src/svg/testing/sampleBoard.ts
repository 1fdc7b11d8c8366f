// A small workshop board with everything the visual exports draw: each kind, chips and badges,
// every link kind (dashed ones too), polarity, a frame, a secret card, a card whose text needs
// escaping and one too long for its card. Shared by the unit tests, the benchmark and the
// sample PNG of the report.
import { addItem, initBoard, linkItems, type ItemId, type NewItem } from '@interlink/model';
import * as Y from 'yjs';

export const TRICKY_TEXT = '<b>Tom & Jerry</b> say "hi" \u0001 it\'s fine';
export const SECRET_TEXT = 'Informant in the militia';
export const LONG_TEXT = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');

export function sampleBoard(title = 'Flood & drought workshop <2025>'): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, title);
  const add = (item: NewItem): ItemId => addItem(doc, item);
  add({ kind: 'frame', x: -340, y: -60, w: 1300, h: 420, text: 'Threats in the valley' });
  const drought = add({ kind: 'threat', x: 0, y: 0, text: 'Drought & crop failure', dimensions: ['food', 'environmental'], severity: 5, likelihood: 4 });
  const prices = add({ kind: 'threat', x: 320, y: 0, w: 220, text: 'Food prices double', dimensions: ['economic', 'food', 'health', 'political'], severity: 3, likelihood: 2 });
  const migration = add({ kind: 'threat', x: 160, y: 200, text: 'Forced migration to the city', dimensions: ['personal', 'community'] });
  const root = add({ kind: 'root-cause', x: -300, y: 0, text: 'Deforestation upstream' });
  const group = add({ kind: 'group', x: 640, y: 0, text: 'Smallholder farmers' });
  const tricky = add({ kind: 'note', x: 640, y: 200, text: TRICKY_TEXT });
  add({ kind: 'note', x: -300, y: 200, h: 120, text: LONG_TEXT });
  linkItems(doc, { kind: 'amplifies', from: drought, to: prices, polarity: '+' });
  linkItems(doc, { kind: 'amplifies', from: prices, to: migration, label: 'pushes' });
  linkItems(doc, { kind: 'amplifies', from: migration, to: drought, polarity: '-' });
  linkItems(doc, { kind: 'causes', from: root, to: drought });
  linkItems(doc, { kind: 'affects', from: prices, to: group });
  linkItems(doc, { kind: 'relates', from: tricky, to: group, label: 'a & b' });
  const wells = add({ kind: 'response', x: 0, y: 460, text: 'Community-run wells', strategy: 'empowerment', phase: 'prevention' });
  const cash = add({ kind: 'response', x: 320, y: 460, text: 'Cash transfers in the lean season', strategy: 'protection', phase: 'mitigation' });
  const council = add({ kind: 'actor', x: 0, y: 660, text: 'Village water council', level: 'local', sector: 'community' });
  const coop = add({ kind: 'capacity', x: 320, y: 660, text: 'Seed-sharing cooperative', sensitivity: 'restricted' });
  const rain = add({ kind: 'indicator', x: 640, y: 460, text: 'Rainfall below 60% of normal', threshold: '60% of the 30-year mean' });
  const secret = add({ kind: 'actor', x: 640, y: 660, text: SECRET_TEXT, level: 'local', sector: 'government', sensitivity: 'confidential' });
  linkItems(doc, { kind: 'addresses', from: wells, to: drought });
  linkItems(doc, { kind: 'addresses', from: cash, to: prices });
  linkItems(doc, { kind: 'responsible', from: council, to: wells });
  linkItems(doc, { kind: 'strengthens', from: cash, to: coop });
  linkItems(doc, { kind: 'monitors', from: rain, to: prices });
  linkItems(doc, { kind: 'relates', from: secret, to: migration });
  return doc;
}
