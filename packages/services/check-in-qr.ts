import QRCode from 'qrcode';

/**
 * The check-in code as a QR image (SVG) for the registrant's confirmation. Upper case keeps it in
 * QR's compact alphanumeric mode (codes are matched case-insensitively); level M survives a
 * creased printout or a cracked phone screen.
 */
export const checkInQrSvg = (code: string): Promise<string> =>
  QRCode.toString(code.toUpperCase(), { type: 'svg', errorCorrectionLevel: 'M', margin: 4, width: 232 });
