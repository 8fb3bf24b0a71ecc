import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

// 64 MiB, t=3 (the library's defaults, as OWASP recommends). The test suite lowers the memory
// through KEHU_ARGON2_MEMORY_KIB so hundreds of sign-ins stay fast (one test file raises it again,
// so it is read per call); hashes carry their own parameters, so verification works whatever
// created them.
const memoryCost = () => Number(process.env.KEHU_ARGON2_MEMORY_KIB) || 65536;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id, memoryCost: memoryCost() });

const dummies = new Map<number, Promise<string>>();

/**
 * A hash of a random password with the current parameters, made once per process (and cost):
 * checking an unknown e-mail (or a user without a password) against it costs what a real check
 * costs, so the time a sign-in takes does not tell whether the account exists.
 */
export const dummyHash = (): Promise<string> => {
  const cost = memoryCost();
  let dummy = dummies.get(cost);
  if (!dummy) {
    dummy = hashPassword(randomBytes(18).toString('base64url'));
    dummies.set(cost, dummy);
  }
  return dummy;
};

/** True when `password` matches `hash`; without a hash, false after the same work as a real check. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  try {
    const matches = await argon2.verify(hash ?? (await dummyHash()), password);
    return hash !== null && matches;
  } catch {
    return false;
  }
}
