/** What a counter input is: a QR payload (`KY1:E:<id>` or a bare id), an 18-character ID number, else a card number. */
export function credentialKindOf(value: string): 'card' | 'qr' | 'idNumber' {
  const text = value.trim();
  if (/^KY1:E:/i.test(text) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text))
    return 'qr';
  if (/^\d{17}[\dXx]$/.test(text)) return 'idNumber';
  return 'card';
}

/** Fen as yuan with two decimals. */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);
