/**
 * What the print tests need from Debian besides Chromium: poppler's pdftotext to read the PDFs
 * back, and a CJK font, without which Chromium prints Chinese as empty boxes that carry no text
 * (a font of the test machine, never a web font of the site).
 */
export const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';
export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
