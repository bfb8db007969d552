/**
 * The two secrets of the Google Reader API. The auth token comes from ClientLogin and goes in
 * `Authorization: GoogleLogin auth=...` on every call; the edit token T comes from
 * reader/api/0/token and goes in the form of every edit.
 *
 * Both servers make the auth token `user/<hash>` from the user and the API password, so it is
 * the same at every login and dies only when the password changes (here: when the user's
 * generation is bumped). They differ on T: FreshRSS answers a 57-character token of its own;
 * Miniflux answers the auth token itself and checks T instead of the Authorization header on
 * every POST. Real FreshRSS tokens never expire; this one's T tokens do, after a lifetime, so
 * tests can exercise "stale T: fetch a new one and retry once".
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Flavour } from './ids.js';
import type { UserData } from './state.js';

interface EditToken {
  user: string;
  generation: number;
  issued: number;
}

export class Tokens {
  private readonly salt = randomBytes(8).toString('hex');
  private readonly edit = new Map<string, EditToken>();

  constructor(
    private readonly flavour: Flavour,
    private readonly now: () => number,
    private readonly lifetimeMs: number,
  ) {}

  /** FreshRSS: user/sha1 (40 hex); Miniflux: user/hmac-sha256 (64 hex). */
  auth(user: UserData): string {
    const hash = createHash(this.flavour === 'freshrss' ? 'sha1' : 'sha256')
      .update(`${this.salt}\0${user.name}\0${user.password}\0${user.generation}`)
      .digest('hex');
    return `${user.name}/${hash}`;
  }

  /** True when `token` is the user's current auth token. */
  isAuth(user: UserData, token: string): boolean {
    return token === this.auth(user);
  }

  issueEdit(user: UserData): string {
    if (this.flavour === 'miniflux') return this.auth(user);
    // FreshRSS pads a sha1 with Z to the 57 characters Google's T tokens had.
    const token = randomBytes(20).toString('hex').padEnd(57, 'Z');
    this.edit.set(token, { user: user.name, generation: user.generation, issued: this.now() });
    return token;
  }

  isEdit(user: UserData, token: string): boolean {
    if (this.flavour === 'miniflux') return this.isAuth(user, token);
    const issued = this.edit.get(token);
    return (
      issued !== undefined &&
      issued.user === user.name &&
      issued.generation === user.generation &&
      this.now() - issued.issued < this.lifetimeMs
    );
  }

  expireEditTokens(): void {
    this.edit.clear();
  }
}
