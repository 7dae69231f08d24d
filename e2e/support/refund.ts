import { expect, type Page } from "@playwright/test";

/** Opens the refund's confirm step for `amount` (as the button says it, e.g. "10,000원"). */
export async function openRefundConfirm(page: Page, amount: string) {
  await page.getByRole("button", { name: `${amount} 환불하기` }).click();
  const dialog = page.getByRole("dialog", { name: `${amount}을 환불하시겠습니까?` });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Asks for a refund of `amount` and confirms it, as a buyer does. */
export async function confirmRefund(page: Page, amount: string) {
  const dialog = await openRefundConfirm(page, amount);
  await dialog.getByRole("button", { name: "환불 신청" }).click();
}
