// Content-Disposition for downloads. The file name is built from the board id (URL-safe by
// construction), so it needs no RFC 5987 encoding; quotes and control characters are still
// stripped in case a caller passes something else.
export function attachmentDisposition(fileName: string): string {
  const safe = fileName.replace(/["\\\r\n]/g, '').replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${safe}"`;
}
