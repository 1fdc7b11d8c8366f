// The origin every change made in this browser carries. Observers compare against it to tell
// own changes from peers', and a per-user undo manager will track exactly this origin.
export class LocalOrigin {
  constructor(readonly label: string) {}
}
