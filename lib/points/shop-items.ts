/** What points buy in the demo shop. Prices in points, decided here, never by the browser. */
export interface ShopItem {
  id: string;
  name: string;
  description: string;
  price: number;
}

export const SHOP_ITEMS: readonly ShopItem[] = [
  { id: "emoticon-pack", name: "이모티콘 팩", description: "채팅에서 쓰는 이모티콘 24종", price: 2_500 },
  { id: "coffee-coupon", name: "아메리카노 쿠폰", description: "제휴 카페 아메리카노 1잔", price: 4_500 },
  { id: "premium-week", name: "프리미엄 1주 이용권", description: "광고 없이 7일", price: 9_900 },
  { id: "movie-ticket", name: "영화 관람권", description: "2D 일반 관람 1매", price: 13_000 },
];

export function findShopItem(id: string): ShopItem | undefined {
  return SHOP_ITEMS.find((item) => item.id === id);
}
