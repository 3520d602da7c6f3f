import QRCode, { type QRCodeToDataURLOptions } from 'qrcode';

/**
 * Error correction M (15% of the code may be lost): a printed card survives a crease or a coffee ring,
 * while the code stays coarse enough for a phone to read off a receipt. Quiet zone of 4 modules, as the
 * standard asks; black on white because some scanners refuse inverted codes.
 */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } } as const satisfies QRCodeToDataURLOptions;

export const DEFAULT_QR_PNG_WIDTH = 512;

/** The link as a scalable SVG QR code, for print. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' });
}

/** The link as a PNG QR code `width` pixels wide, for tools that take no SVG (receipt printers, slides). */
export function qrPng(url: string, width = DEFAULT_QR_PNG_WIDTH): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width });
}
