/**
 * A strict PNG decoder for tests (8-bit RGB/RGBA, non-interlaced, which is what resvg writes): checks the
 * signature and every chunk's CRC, inflates the image data and undoes each row's filter, so a file that passes
 * really is a complete image of the size its header claims.
 */
import { inflateSync, crc32 } from "node:zlib";

export interface Decoded {
  width: number;
  height: number;
  channels: number;
  /** Row-major pixels, `channels` bytes each. */
  pixels: Uint8Array;
}

const SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(buf: Buffer): Decoded {
  if (!buf.subarray(0, 8).equals(SIG)) throw new Error("not a PNG signature");
  let off = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  let ended = false;
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString("latin1", off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    const crc = buf.readUInt32BE(off + 8 + len);
    if (crc32(buf.subarray(off + 4, off + 8 + len)) !== crc) throw new Error(`bad CRC in ${type}`);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const colour = data[9];
      if (depth !== 8 || data[12] !== 0) throw new Error(`unsupported PNG: depth ${depth}, interlace ${data[12]}`);
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
      if (!channels) throw new Error(`unsupported colour type ${colour}`);
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") {
      ended = true;
      break;
    }
    off += 12 + len;
  }
  if (!ended) throw new Error("no IEND chunk");
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1))
    throw new Error(`image data is ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[row + x - channels]! : 0;
      const b = y > 0 ? px[row - stride + x]! : 0;
      const c = x >= channels && y > 0 ? px[row - stride + x - channels]! : 0;
      let p: number;
      if (f === 0) p = 0;
      else if (f === 1) p = a;
      else if (f === 2) p = b;
      else if (f === 3) p = (a + b) >> 1;
      else if (f === 4) {
        const e = a + b - c;
        const pa = Math.abs(e - a);
        const pb = Math.abs(e - b);
        const pc = Math.abs(e - c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`bad filter ${f} on row ${y}`);
      px[row + x] = (src[x]! + p) & 0xff;
    }
  }
  return { width, height, channels, pixels: px };
}

/** Share of pixels darker than a mid grey (text, lines and marks on a white card). */
export function inkShare(d: Decoded): number {
  let n = 0;
  for (let i = 0; i < d.pixels.length; i += d.channels) {
    const alpha = d.channels === 4 ? d.pixels[i + 3]! : 255;
    const lum = 0.299 * d.pixels[i]! + 0.587 * d.pixels[i + 1]! + 0.114 * d.pixels[i + 2]!;
    if (alpha > 128 && lum < 128) n++;
  }
  return n / (d.width * d.height);
}
