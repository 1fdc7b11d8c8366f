// The app is a canvas app that needs the browser (Konva, WebSocket, localStorage): render on
// the client only. The server still serves every route's HTML shell through handler.js.
export const ssr = false;
export const prerender = false;
