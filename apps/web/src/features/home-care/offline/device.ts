/** What the phone can tell about where and when: a GPS fix within a timeout, a compressed photo. */

export type Fix = { lat: number; lng: number; accuracyM: number };

/**
 * One position fix, or null when there is none in time (no signal indoors, permission refused,
 * no GPS): the caller then offers the manual fallback with a reason (HCS-6).
 */
export function currentFix(timeoutMs = 12_000): Promise<Fix | null> {
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
      resolve(null);
      return;
    }
    // the browser's own timeout is not always honoured when the permission prompt is left open
    const guard = setTimeout(() => resolve(null), timeoutMs + 1_000);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        clearTimeout(guard);
        resolve({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracyM: Math.round(position.coords.accuracy),
        });
      },
      () => {
        clearTimeout(guard);
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

/** Longest side and JPEG quality of a stored photo: about 60–150 kB, fine on a slow line. */
const MAX_SIDE = 1024;
const QUALITY = 0.6;

/** A camera photo shrunk on the phone to a JPEG data URL (kept in the outbox until synced). */
export async function compressPhoto(file: File, maxSide = MAX_SIDE): Promise<string> {
  const url = URL.createObjectURL(file);
  try {
    const image = await loadImage(url);
    const scale = Math.min(1, maxSide / Math.max(image.naturalWidth, image.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', QUALITY);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('not an image'));
    image.src = url;
  });
}
