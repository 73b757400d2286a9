/** The product's promises as numbers (PRODUCT.md "Quality bars", issue 7). 1 kB = 1000 bytes. */
export const BUDGETS = {
  popupJsGzipBytes: 30_000,
  contentJsGzipBytes: 8_000,
  backgroundJsGzipBytes: 40_000,
  popupCachedPaintMs: 500,
  codeToBadgeAliveMedianMs: 3_000,
  codeToScreenPopupOpenMedianMs: 1_200,
  codeToBadgeStoppedMedianMs: 35_000,
  requestsPerWaitingNumberPerMin: 25,
  idleRequests: 0,
  fillMs: 1_500,
  /** The 150-service category on a panel 150 ms away, one details call per service. */
  bigCategoryFirstNameMs: 400,
  bigCategoryAllPricedMs: 2_000,
  /** The same with a panel whose details answer lists the whole category. */
  bigCategoryListAllPricedMs: 500,
  bigCategoryListAllRequests: 3,
} as const;
