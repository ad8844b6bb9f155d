import { fitWithin, type Gps } from './checkin'

export const MAX_PHOTO_EDGE = 1600
const JPEG_QUALITY = 0.82

/**
 * Shrink a camera photo to at most 1600 px on its long edge, as JPEG, before it is queued: a
 * phone's 12-megapixel original would fill IndexedDB and take minutes to upload on a weak signal.
 * `createImageBitmap` applies the EXIF orientation, so portrait shots stay upright.
 */
export async function downscalePhoto(file: Blob, maxEdge: number = MAX_PHOTO_EDGE): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, maxEdge)
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) throw new Error('No 2D canvas')
    context.drawImage(bitmap, 0, 0, width, height)
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be encoded'))),
        'image/jpeg',
        JPEG_QUALITY,
      )
    })
  } finally {
    bitmap.close()
  }
}

export type GpsOutcome = { gps: Gps } | { error: 'unsupported' | 'denied' | 'unavailable' | 'timeout' }

/** One position fix, or why there is none; never rejects, so saving never waits on it. */
export function locate(timeoutMs = 15_000): Promise<GpsOutcome> {
  if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
    return Promise.resolve({ error: 'unsupported' })
  }
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          gps: {
            lat: position.coords.latitude,
            lon: position.coords.longitude,
            // The API accepts 0–10 000 m; a worse fix is still worth recording at the limit.
            accuracy_m: Math.min(Math.max(position.coords.accuracy, 0), 10_000),
          },
        }),
      (error) =>
        resolve({
          error:
            error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable',
        }),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    )
  })
}
