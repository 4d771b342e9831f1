import QRCode from 'qrcode';

/** Medium error correction and a four-module quiet zone: what authenticator apps scan reliably from a screen. */
export const TOTP_QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 4 } as const;

/**
 * The otpauth URI as an SVG QR code in a data URL, so the studio can show it in an <img> without a script or a
 * third-party QR service ever seeing the secret.
 */
export async function totpQrCodeDataUrl(otpauthUri: string): Promise<string> {
  const svg = await QRCode.toString(otpauthUri, TOTP_QR_OPTIONS);
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
