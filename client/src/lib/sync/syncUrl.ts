// The live-sync endpoint is on the same host as the page (CONTRACT.md section 3).
export function syncUrl(location: { readonly protocol: string; readonly host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}
