/**
 * What points buy in the demo shop. Prices in points, decided here, never by the browser; each
 * item's name and description are messages under `shop.items.<id>` (messages/*.json).
 */
export interface ShopItem {
  id: ShopItemId;
  price: number;
}

const ITEMS = [
  { id: "emoticon-pack", price: 2_500 },
  { id: "coffee-coupon", price: 4_500 },
  { id: "premium-week", price: 9_900 },
  { id: "movie-ticket", price: 13_000 },
] as const;

export type ShopItemId = (typeof ITEMS)[number]["id"];

export const SHOP_ITEMS: readonly ShopItem[] = ITEMS;

export function findShopItem(id: string): ShopItem | undefined {
  return SHOP_ITEMS.find((item) => item.id === id);
}
