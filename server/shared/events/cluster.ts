// What an instance tells its clients about itself, as opposed to the meeting: it is going away, or a part it relies
// on is down. Not sequenced: nothing in the meeting changes.

/**
 * The state of the parts this instance shares with the others. `redis: 'down'`: the instance goes on serving its own
 * clients, but other instances' clients no longer see this one's edits of shared documents until Redis is back.
 */
export interface InstanceParts {
  redis: 'up' | 'down';
}

export interface ClusterServerEvents {
  /** This instance is shutting down; the connection closes next and the client reconnects (to another instance). */
  'server:restarting': () => void;
  /** Sent on connecting and on every change, by instances that share Redis with others. */
  'server:parts': (parts: InstanceParts) => void;
}
