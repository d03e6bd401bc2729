import { pkmnapiOpenApi } from './openapi';
import { MailDeliveryError } from '../../../core/mail';
import { isPkmnapiError } from './errors';
import { defineNamespace, type TokenIntrospection } from '../../../core/namespace';
import type { WpError } from '../../../core/rest/errors';
import type { RestRequest } from '../../../core/rest/request';
import { RestResponse } from '../../../core/rest/response';
import { ALLMETHODS } from '../../../core/rest/server';
import { deriveKey, keyedHash, randomAlphanumeric, safeEqual } from '../../../core/secrets';
import { isValidEmail, readAccessTokenDeleteRequest, readAccessTokenRequest, teraEscape, type Parsed } from './body';
import { coreErrorToPkmnapi, errors, PkmnapiError } from './errors';
import { createdBody, liveHeaders, type PkmnapiProfile } from './live';
import { GcraLimiter } from './rate-limit';

export const NAMESPACE = 'pkmnapi/v1';
export const SERVER = 'pkmnapi/0.1.0';
/** pkmnapi's cooldown between two token (or delete-code) requests for one e-mail address (models.rs: 600 s). */
export const COOLDOWN_SECONDS = 600;
/** How long the hash of a replaced or deleted token is remembered, so introspection can say "inactive". */
export const REVOKED_MEMORY_SECONDS = 30 * 86_400;
/** At most this many forgotten revoked tokens are purged per revocation (bounded work per request). */
export const REVOKED_PURGE_BATCH = 100;

/** One pkmnapi user (the real `users` table): keyed by the e-mail address exactly as sent. */
export interface PkmnapiUser {
  email: string;
  /** HMAC-SHA256 (site key derived for 'pkmnapi') of the access token; the token itself is never stored. */
  tokenHash: string;
  /** Unix seconds. */
  createdAt: number;
  /** createdAt + 600: until then, new tokens and delete codes for this address are refused. */
  expiresAt: number;
  /** Keyed hash of the pending delete code, or null. */
  deleteCodeHash: string | null;
}

/** A token that was replaced or deleted, remembered by hash for introspection. */
export interface RevokedToken {
  sub: string;
  iat: number;
  revokedAt: number;
  reason: 'replaced' | 'deleted';
}

const TOKEN_PATTERN = /^[A-Za-z0-9]{64}$/;

export const pkmnapi = defineNamespace({
  id: 'pkmnapi',
  openapi: pkmnapiOpenApi,
  namespace: NAMESPACE,
  settings: {
    PKMNAPI_PROFILE: {
      type: 'enum',
      values: ['docs', 'live'],
      default: 'docs',
      doc: "docs: follow the pkmnapi seed (an administrator's application password, the token mailed, 201 {}). live: follow pkmn-api/pkmnapi's own HTTP tests (public access-token routes, the token or delete code in the 201 body, only Content-Type, Location and Server headers).",
    },
    PKMNAPI_RATE_LIMIT: {
      type: 'integer',
      default: 120,
      min: 0,
      max: 1_000_000,
      doc: 'Requests per client address the pkmnapi routes accept in a burst before 429 error_too_many_requests (the real RATE_LIMIT_COUNT). 0 turns the limit off.',
    },
    PKMNAPI_RATE_WINDOW: {
      type: 'integer',
      default: 60,
      min: 1,
      max: 86_400,
      doc: 'Seconds after which one more request is allowed once the burst is used up (the real RATE_LIMIT_DURATION).',
    },
  },
  register(ctx) {
    const profile: PkmnapiProfile = ctx.settings.PKMNAPI_PROFILE;
    const live = profile === 'live';
    const hashKey = deriveKey(ctx.secrets, 'pkmnapi').toString('base64');
    const hash = (secret: string) => keyedHash(hashKey, secret);
    const users = ctx.store.collection<PkmnapiUser>('pkmnapi.users');
    const revoked = ctx.store.collection<RevokedToken>('pkmnapi.revoked');
    const limiter = new GcraLimiter(ctx.settings.PKMNAPI_RATE_LIMIT, ctx.settings.PKMNAPI_RATE_WINDOW, () => ctx.clock.now());

    ctx.rest.registerNamespace(NAMESPACE, {
      json: 'plain',
      validateJson: false,
      ownHeaders: live,
      // Headers set here too: a body the core refuses before dispatch (413) gets no decorate pass.
      onCoreError: (error) => decorate(coreErrorToPkmnapi(error)),
      decorate: (res) => void decorate(res),
    });

    /** pkmnapi's headers on every response of the namespace (Rocket's "Update Server Name" fairing, JSON content type). */
    function decorate(res: RestResponse): RestResponse {
      res.header('Server', SERVER);
      res.header('Content-Type', 'application/json');
      // A not-found has nothing to allow (the catch-all route would otherwise list every method).
      if (res.status === 404) for (const name of Object.keys(res.headers)) if (name.toLowerCase() === 'allow') delete res.headers[name];
      return live ? liveHeaders(res) : res;
    }

    /** Counts the request against its address; the 429 error when over the limit. */
    function rateLimited(req: RestRequest): PkmnapiError | null {
      const wait = limiter.check(req.ip || 'unknown');
      return wait === null ? null : errors.tooManyRequests(wait);
    }

    /** pkmnapi's AccessToken guard: the token when `Authorization` starts with "Bearer " (case as sent), else null. */
    function bearerToken(req: RestRequest): string | null {
      const header = req.header('authorization');
      if (header === undefined || !header.startsWith('Bearer ')) return null;
      return header.split('Bearer ').join('');
    }

    /**
     * The checks in front of the access-token routes, in this order: JSON content type (else the
     * route does not match: 404), rate limit (every request that reaches a route counts, anonymous or
     * not, like the real per-IP limiter), a Bearer header (403 forbidden, as the real API answers before
     * reading the body), then WordPress's permission (an administrator's application password).
     * Computed once per request: the core also asks the permission callback for the Allow header.
     */
    const gates = new WeakMap<RestRequest, Promise<boolean | WpError>>();
    function accessTokenGate(req: RestRequest): Promise<boolean | WpError> {
      let gate = gates.get(req);
      if (!gate) {
        gate = Promise.resolve(
          ((): boolean | WpError => {
            if (req.contentType !== 'application/json') return errors.notFound();
            const limited = rateLimited(req);
            if (limited) return limited;
            if (bearerToken(req) !== null) return errors.forbidden();
            // live: the real routes have no WordPress permission; a Basic header is simply not a Bearer token.
            return live || ctx.users.can(req.user, 'manage_options');
          })(),
        );
        gates.set(req, gate);
      }
      return gate;
    }

    function revoke(user: PkmnapiUser, reason: RevokedToken['reason']): void {
      const now = ctx.clock.seconds();
      forgetRevoked(now);
      // Appended at the end (a re-revoked hash moved there too), so the collection stays in revokedAt order.
      if (revoked.has(user.tokenHash)) revoked.delete(user.tokenHash);
      revoked.put(user.tokenHash, { sub: user.email, iat: user.createdAt, revokedAt: now, reason });
    }

    /**
     * Forgets revoked tokens older than REVOKED_MEMORY_SECONDS, oldest first: the collection is in
     * insertion (= revokedAt) order, so it stops at the first one still remembered, and after
     * REVOKED_PURGE_BATCH deletions; each revocation purges, so the backlog drains.
     */
    function forgetRevoked(now: number): void {
      const expired: string[] = [];
      for (const [key, entry] of revoked.entries()) {
        if (expired.length >= REVOKED_PURGE_BATCH || now - entry.revokedAt <= REVOKED_MEMORY_SECONDS) break;
        expired.push(key);
      }
      for (const key of expired) revoked.delete(key);
    }

    /** The request body when it is well formed with a valid address, else the 400 for the body or the address. */
    function withValidAddress<T extends { emailAddress: string }>(body: Parsed<T>): T | PkmnapiError {
      if (!body.ok) return errors.invalid(body.message);
      if (!isValidEmail(body.value.emailAddress)) return errors.invalid(`Invalid email address: ${body.value.emailAddress}`);
      return body.value;
    }

    /** The prologue of both POST routes: body (400), address (400), cooldown (403); the address when all pass. */
    function emailRequest(req: RestRequest): string | PkmnapiError {
      const body = withValidAddress(readAccessTokenRequest(req));
      if (body instanceof PkmnapiError) return body;
      return cooldown(body.emailAddress) ?? body.emailAddress;
    }

    /** The real API's cooldown check: refused while `date_expire - now >= 0`. */
    function cooldown(email: string): PkmnapiError | null {
      const user = users.get(email);
      if (!user) return null;
      const seconds = user.expiresAt - ctx.clock.seconds();
      return seconds >= 0 ? errors.timeout(seconds) : null;
    }

    /** Sends (outbox, and SMTP when configured); a failed delivery becomes pkmnapi's 403 error_access_tokens_email. */
    async function mail(to: string, subject: string, text: string): Promise<PkmnapiError | null> {
      try {
        await ctx.mailer.send({ to, subject, text, from: 'pkmnapi' });
        return null;
      } catch (e) {
        if (!(e instanceof MailDeliveryError)) throw e;
        ctx.log.warn('pkmnapi: mail delivery failed', { messageId: e.messageId, reason: e.message });
        return errors.email('Could not send email');
      }
    }

    const created = (secret = '') => new RestResponse(createdBody(profile, secret), 201, { Location: ctx.rest.restUrl(`/${NAMESPACE}/access_tokens`) });

    ctx.rest.registerRoute(NAMESPACE, '/access_tokens', [
      {
        methods: ['POST'],
        permission: accessTokenGate,
        handler: async (req) => {
          const email = emailRequest(req);
          if (email instanceof PkmnapiError) return email;
          const previous = users.get(email);
          if (previous) revoke(previous, 'replaced');
          const token = randomAlphanumeric(64);
          const now = ctx.clock.seconds();
          users.put(email, { email, tokenHash: hash(token), createdAt: now, expiresAt: now + COOLDOWN_SECONDS, deleteCodeHash: previous?.deleteCodeHash ?? null });
          const failed = live ? null : await mail(email, 'Pkmnapi access token', `This is your access token: ${teraEscape(token)}\n`);
          return failed ?? created(token);
        },
      },
      {
        methods: ['DELETE'],
        permission: accessTokenGate,
        handler: async (req) => {
          const body = withValidAddress(readAccessTokenDeleteRequest(req));
          if (body instanceof PkmnapiError) return body;
          const { code, emailAddress: email } = body;
          const user = users.get(email);
          // Deletes only when a delete code was requested and this one matches; answers 204 either way.
          if (user && user.deleteCodeHash !== null && safeEqual(hash(code), user.deleteCodeHash)) {
            users.delete(email);
            revoke(user, 'deleted');
          }
          return new RestResponse(null, 204);
        },
      },
    ]);

    ctx.rest.registerRoute(NAMESPACE, '/access_tokens/delete', {
      methods: ['POST'],
      permission: accessTokenGate,
      handler: async (req) => {
        const email = emailRequest(req);
        if (email instanceof PkmnapiError) return email;
        const user = users.get(email);
        // Unknown address: 201 all the same, and no mail (the real API sends none).
        if (!user) return created();
        const code = randomAlphanumeric(64);
        users.put(email, { ...user, deleteCodeHash: hash(code) });
        const link = `https://www.pkmnapi.com/actions/delete-user?email_address=${teraEscape(email)}&code=${teraEscape(code)}`;
        const failed = live ? null : await mail(email, 'Pkmnapi delete access token', `Please click here to delete your access token: ${link}\n\nIf you did not request this email, someone else may have done so.\n`);
        return failed ?? created(code);
      },
    });

    // Using a token: pkmnapi checks a Bearer token on every ROM route; with no ROM uploaded, any token gets 403.
    ctx.rest.registerRoute(NAMESPACE, '/roms', {
      methods: ['GET'],
      handler: (req) => {
        const limited = rateLimited(req);
        if (limited) return limited;
        // The real lookup joins token and ROM: an unknown token and a live one without a ROM answer alike.
        if (bearerToken(req) === null) return errors.unauthorized();
        return errors.noRom();
      },
    });

    // Rocket's 404 catcher: any other path or method below the namespace. Registered last.
    ctx.rest.registerRoute(NAMESPACE, '/(?P<path>.*)', { methods: ALLMETHODS, showInIndex: false, handler: () => errors.notFound() });

    return {
      introspect(token: string): TokenIntrospection | null {
        if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
        const tokenHash = hash(token);
        const user = users.findBy('tokenHash', tokenHash);
        if (user) return { active: true, vendor: 'pkmnapi', sub: user.email, iat: user.createdAt };
        if (revoked.has(tokenHash)) return { active: false, vendor: 'pkmnapi' };
        return null;
      },
      reset: () => limiter.reset(),
    };
  },
  errorEnvelope: { example: '{"data": {"id": "error_not_found", "type": "errors", "attributes": {"message": "..."}}}', isError: isPkmnapiError },
});
