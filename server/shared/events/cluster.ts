// What an instance tells its clients about itself, as opposed to the meeting: it is going away, or a part it relies
// on is down. Not sequenced: nothing in the meeting changes.

export interface ClusterServerEvents {
  /** This instance is shutting down; the connection closes next and the client reconnects (to another instance). */
  'server:restarting': () => void;
}
