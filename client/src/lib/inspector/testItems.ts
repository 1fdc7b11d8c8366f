// Test support: real item views, made through the model's commands and read back by its
// tolerant reader (the same path the inspector's items take in the app).
import { addItem, readBoard, type ItemView, type NewItem } from '@interlink/model';
import * as Y from 'yjs';

export function itemViews(...items: NewItem[]): ItemView[] {
  const doc = new Y.Doc();
  const ids = items.map((item) => addItem(doc, item));
  const view = readBoard(doc);
  return ids.map((id) => {
    const item = view.items.get(id);
    if (!item) throw new Error(`item ${id} not read back`);
    return item;
  });
}
