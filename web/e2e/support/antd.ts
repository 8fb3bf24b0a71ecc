import type { Locator, Page } from 'playwright-core';

/**
 * Ant Design's selects and dialogs animate: on a loaded machine (CI runs several browsers on two
 * cores) a click can land while a list still slides in, or another slides out, and then nothing is
 * chosen. These helpers act, then check that the act took, and act again if it did not.
 */

/** An option of the open select list: containing `text`, or (exact) whose whole label is `text`. */
export function option(p: Page, text: string | RegExp, o: { exact?: boolean } = {}): Locator {
  const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option';
  if (o.exact && typeof text === 'string') return p.locator(`${open}[title="${text}"]`).first();
  return p.locator(open, { hasText: text }).first();
}

const settled = (l: Locator, timeout: number) =>
  l.waitFor({ timeout }).then(
    () => true,
    () => false,
  );

/**
 * Picks `label` in the select (single or multiple) and waits until the select shows it. `search` is typed into the
 * select first (searchable selects; long lists are virtual and need not hold still for a click).
 */
export async function choose(p: Page, select: Locator, label: string | RegExp, o: { search?: string; exact?: boolean } = {}): Promise<void> {
  for (let attempt = 1; attempt <= 4; attempt++) {
    // A click that took after the last check: clicking again would unpick it in a multiple select.
    if (attempt > 1 && (await select.filter({ hasText: label }).count()) > 0) return;
    await select.click();
    if (o.search) await p.keyboard.type(o.search);
    const item = option(p, label, o);
    if (await settled(item, 5_000)) await item.click({ timeout: 3_000 }).catch(() => {});
    if (await settled(select.filter({ hasText: label }), 3_000)) return;
    await p.keyboard.press('Escape');
    await p
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'hidden', timeout: 3_000 })
      .catch(() => {});
  }
  throw new Error(`the select did not take ${String(label)}`);
}

/** Clicks a dialog's button until the dialog takes it and the button goes (a click during the zoom-in is lost). */
export async function clickUntilGone(button: Locator): Promise<void> {
  await button.waitFor();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await button.click({ timeout: 3_000 }).catch(() => {});
    if (
      await button.waitFor({ state: 'hidden', timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error('the dialog did not take the click');
}
