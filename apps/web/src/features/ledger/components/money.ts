/** Yuan with two decimals from integer fen (the ledger stores fen only). */
export const yuan = (fen: number): string =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A signed amount: `+600.00`, `-600.00`, `0.00`. */
export const signedYuan = (fen: number): string => (fen > 0 ? `+${yuan(fen)}` : yuan(fen));
