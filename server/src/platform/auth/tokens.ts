import { createHash, randomBytes } from 'node:crypto';

export type TokenKind = 'session' | 'api';
const PREFIX: Record<TokenKind, string> = { session: 'khs_', api: 'kht_' };

/** A random bearer secret; only its SHA-256 is stored. */
export function newToken(kind: TokenKind): { token: string; hash: string; prefix: string } {
  const token = PREFIX[kind] + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const tokenKind = (token: string): TokenKind | null => (token.startsWith(PREFIX.api) ? 'api' : token.startsWith(PREFIX.session) ? 'session' : null);
