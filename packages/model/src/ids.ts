// Branded ids: an ItemId cannot be passed where a LinkId is expected, although both are
// strings in the document.

declare const itemIdBrand: unique symbol;
declare const linkIdBrand: unique symbol;

export type ItemId = string & { readonly [itemIdBrand]: true };
export type LinkId = string & { readonly [linkIdBrand]: true };

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A short random id; 16 base-36 characters (~82 bits) make collisions between peers negligible. */
function randomId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

export const newItemId = (): ItemId => randomId() as ItemId;
export const newLinkId = (): LinkId => randomId() as LinkId;

export const asItemId = (id: string): ItemId => id as ItemId;
export const asLinkId = (id: string): LinkId => id as LinkId;
