/**
 * The `jti`s of the gateway tokens this process has accepted, each kept until its token expires, so
 * a captured token cannot be sent again. Memory is bounded by the traffic of one token lifetime
 * (at most 60 s, plus skew): every check first drops the expired entries at the head.
 *
 * In memory, per process: replicas of one bureau behind a load balancer would each accept a token
 * once. Such a deployment needs the set shared (e.g. Redis `SET jti 1 NX PXAT exp`), see README.
 */
export class SeenTokenIds {
  /** jti → expiry (epoch ms). Insertion order ≈ expiry order: every token lives about as long. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records `jti` until `expiresAtMs`; false when it was already recorded (a replay). */
  remember(jti: string, expiresAtMs: number): boolean {
    const now = this.now();
    this.dropExpired(now);
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, expiresAtMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /**
   * Drops expired entries from the head and stops at the first live one. An entry behind it that
   * expired earlier (a shorter-lived token) waits until the head moves on: at most one lifetime.
   */
  private dropExpired(now: number): void {
    for (const [jti, expiresAt] of this.seen) {
      if (expiresAt > now) return;
      this.seen.delete(jti);
    }
  }
}
