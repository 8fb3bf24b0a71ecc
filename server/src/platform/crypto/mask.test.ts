import { describe, expect, it } from 'vitest';
import { fieldCipher, masterKeyFrom, newSealedDataKey } from './field-crypto.ts';
import { maskEmail, maskIdNumber, maskPhone } from './mask.ts';

describe('masking', () => {
  it('masks phones, id numbers and emails the way Chinese CRMs show them', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+8613812341234')).toBe('+86138****1234');
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234');
    expect(maskEmail('zhang.wei@example.com')).toBe('z********@example.com');
  });
});

describe('field encryption', () => {
  it('round-trips with the right keys and fails with another tenant key', () => {
    const master = masterKeyFrom('secret');
    const a = fieldCipher(master, newSealedDataKey(master));
    const b = fieldCipher(master, newSealedDataKey(master));
    const sealed = a.encrypt('110101199003071234');
    expect(sealed).not.toContain('1101');
    expect(a.decrypt(sealed)).toBe('110101199003071234');
    expect(() => b.decrypt(sealed)).toThrow();
  });
});
