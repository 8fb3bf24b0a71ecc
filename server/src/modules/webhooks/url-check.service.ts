import { lookup } from 'node:dns/promises';
import { type AddressPolicy, checkAddress, literalAddress, parseWebhookUrl } from './address-policy.rules.ts';
import { webhooksErrors } from './webhooks.errors.ts';

/**
 * Refuses a URL at save time: not http(s), credentials in it, or a host that is (or resolves to)
 * a refused address. Connect time checks again (webhook-http.service.ts): DNS may change.
 */
export async function checkWebhookUrl(raw: string, policy: AddressPolicy): Promise<string> {
  const parsed = parseWebhookUrl(raw);
  if (!parsed.ok) {
    if (parsed.reason === 'scheme') throw webhooksErrors.badScheme();
    if (parsed.reason === 'credentials') throw webhooksErrors.credentialsInUrl();
    throw webhooksErrors.badUrl();
  }
  const literal = literalAddress(parsed.url);
  let addresses: string[];
  if (literal) {
    addresses = [literal];
  } else {
    try {
      addresses = (await lookup(parsed.url.hostname, { all: true })).map((a) => a.address);
    } catch {
      throw webhooksErrors.unresolvable(parsed.url.hostname);
    }
  }
  const refused = addresses.find((a) => !checkAddress(a, policy).ok);
  if (refused) throw webhooksErrors.refusedAddress(refused);
  return parsed.url.toString();
}
