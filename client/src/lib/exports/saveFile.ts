// Hands a file made in memory to the browser's own download: a Blob URL clicked through an
// `<a download>`, which names the file and never navigates the page (the board stays open).

/**
 * The download reads the Blob URL after click() returns; revoked at once, some browsers (Firefox)
 * cancel it. A minute is far more than needed and frees the memory soon enough.
 */
const REVOKE_AFTER_MS = 60_000;

export type SaveFile = (blob: Blob, fileName: string) => void;

export const saveFile: SaveFile = (blob, fileName) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
};
