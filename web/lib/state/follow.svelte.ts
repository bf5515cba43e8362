// Following the presenter: on by default for everyone who does not lead; any move of one's own (scrolling, clicking
// elsewhere) detaches, and one click returns.
export class FollowState {
  #following = $state(true);
  readonly #canFollow: () => boolean;
  readonly #report: (following: boolean) => void;

  constructor(canFollow: () => boolean, report: (following: boolean) => void) {
    this.#canFollow = canFollow;
    this.#report = report;
  }

  get canFollow() {
    return this.#canFollow();
  }
  get following() {
    return this.#canFollow() && this.#following;
  }

  detach(): void {
    if (!this.following) return;
    this.#following = false;
    this.#report(false);
  }

  resume(): void {
    this.#following = true;
    this.#report(true);
  }

  /** Tells the server again after a reconnect, which starts a fresh presence entry. */
  announce(): void {
    if (this.canFollow) this.#report(this.#following);
  }
}
