import argon2 from 'argon2';

// 64 MiB, t=3 (the library's defaults, as OWASP recommends). The test suite lowers the memory
// through KEHU_ARGON2_MEMORY_KIB so hundreds of sign-ins stay fast; hashes carry their own
// parameters, so verification works whatever created them.
const memoryCost = Number(process.env.KEHU_ARGON2_MEMORY_KIB) || 65536;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id, memoryCost });

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
