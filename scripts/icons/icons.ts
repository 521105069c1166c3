/**
 * The app icons, made from two SVGs: `icon.svg` (the full design, on the macOS icon grid)
 * for 64 px and up, `icon-small.svg` (the magnifier and its check mark alone, full bleed)
 * for 48 px and below, where the article's lines would be mush. Rendered with resvg (a
 * prebuilt renderer from npm: no system library, no network) and packed into the
 * containers each platform wants, by hand, so every byte is fixed by the SVGs and the
 * renderer's version:
 *  - Linux: one PNG per size, `png/NxN.png` (electron-builder reads the folder);
 *  - Windows: `icon.ico`, 32-bit BMP entries up to 128 px and a PNG entry for 256 px (as
 *    Windows' own icons are; electron-builder requires a 256 px entry);
 *  - macOS: `icon.icns`, PNG entries from 16 to 1024 px (512@2x).
 */
import { Resvg } from '@resvg/resvg-js';

/** Every size in `png/`. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** The entries of icon.ico: BMP below 256, PNG at 256. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** The entries of icon.icns: OSType and pixel size (ic11–ic14 and ic10 are the @2x ones). */
export const ICNS_ENTRIES = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512],
  ['ic10', 1024], ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
] as const;
/** Sizes up to this one are drawn from the small design. */
export const SMALL_MAX = 48;

export interface Designs {
  /** icon.svg */
  full: string;
  /** icon-small.svg */
  small: string;
}

export interface Rendered {
  size: number;
  png: Buffer;
  /** Straight (not premultiplied) RGBA, top row first. */
  rgba: Uint8Array;
}

/** Renders the design for `size` px square. */
export function render(designs: Designs, size: number): Rendered {
  const svg = size <= SMALL_MAX ? designs.small : designs.full;
  // No fonts: the designs have no text, and loading the system's would make output depend on the machine.
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
  if (image.width !== size || image.height !== size) throw new Error(`The icon rendered at ${image.width}×${image.height}, not ${size}×${size}: is its SVG square?`);
  return { size, png: image.asPng(), rgba: unpremultiply(image.pixels) };
}

function unpremultiply(pixels: Uint8Array): Uint8Array {
  const out = new Uint8Array(pixels.length);
  for (let i = 0; i < pixels.length; i += 4) {
    const a = pixels[i + 3]!;
    out[i + 3] = a;
    if (a === 0) continue;
    for (let c = 0; c < 3; c++) out[i + c] = Math.min(255, Math.round((pixels[i + c]! * 255) / a));
  }
  return out;
}

/** An .ico file: a directory of entries, then each entry's image (BMP below 256 px, PNG at 256). */
export function encodeIco(images: readonly Rendered[]): Buffer {
  const bodies = images.map((image) => (image.size >= 256 ? image.png : icoBitmap(image)));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(image.size >= 256 ? 0 : image.size, at); // width (0 means 256)
    header.writeUInt8(image.size >= 256 ? 0 : image.size, at + 1); // height
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3); // reserved
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(bodies[i]!.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += bodies[i]!.length;
  });
  return Buffer.concat([header, ...bodies]);
}

/** One .ico entry as a DIB: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask (set where transparent). */
function icoBitmap({ size, rgba }: Rendered): Buffer {
  const maskStride = Math.ceil(size / 32) * 4;
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0); // header size
  info.writeInt32LE(size, 4); // width
  info.writeInt32LE(size * 2, 8); // height: colour rows and mask rows
  info.writeUInt16LE(1, 12); // planes
  info.writeUInt16LE(32, 14); // bits per pixel
  info.writeUInt32LE(0, 16); // BI_RGB
  info.writeUInt32LE(size * size * 4 + maskStride * size, 20); // image size
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
      if (rgba[from + 3] === 0) {
        const byte = row * maskStride + (x >> 3);
        mask[byte] = mask[byte]! | (0x80 >> (x & 7));
      }
    }
  }
  return Buffer.concat([info, pixels, mask]);
}

/** An .icns file: 'icns', the total length, then one (OSType, length, PNG) entry per size. */
export function encodeIcns(entries: readonly (readonly [type: string, image: Rendered])[]): Buffer {
  const chunks = entries.map(([type, image]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + image.png.length, 4);
    return Buffer.concat([head, image.png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((sum, c) => sum + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** Every icon file, by its path inside the icons folder. */
export function buildIcons(designs: Designs): Map<string, Buffer> {
  const sizes = [...new Set<number>([...PNG_SIZES, ...ICO_SIZES, ...ICNS_ENTRIES.map(([, size]) => size)])];
  const rendered = new Map(sizes.map((size) => [size, render(designs, size)]));
  const at = (size: number) => rendered.get(size)!;
  const files = new Map<string, Buffer>();
  for (const size of PNG_SIZES) files.set(`png/${size}x${size}.png`, at(size).png);
  files.set('icon.ico', encodeIco(ICO_SIZES.map(at)));
  files.set('icon.icns', encodeIcns(ICNS_ENTRIES.map(([type, size]) => [type, at(size)] as const)));
  return files;
}
