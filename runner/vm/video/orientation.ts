// Flip and rotate (reference §1.1, spr): the image is rotated clockwise in 90° steps first, then
// the rotated image is flipped (bit 0 horizontal, bit 1 vertical). This maps a pixel of the
// result back to the source pixel, for single tiles and whole composite blocks alike.

export class Orientation {
  // source x = xu * u + xv * v + x0 and source y = yu * u + yv * v + y0 for result pixel (u, v).
  xu = 1;
  xv = 0;
  x0 = 0;
  yu = 0;
  yv = 1;
  y0 = 0;
  /** True when the result is the source image itself. */
  identity = true;

  /** Sets up the mapping for a w x h source image. */
  set(w: number, h: number, flip: number, rotate: number): void {
    const quarter = rotate & 3;
    const resultW = quarter & 1 ? h : w;
    const resultH = quarter & 1 ? w : h;
    // Undo the flip: rotated-image coordinates are (fu * u + gu, fv * v + gv).
    const fu = flip & 1 ? -1 : 1;
    const gu = flip & 1 ? resultW - 1 : 0;
    const fv = flip & 2 ? -1 : 1;
    const gv = flip & 2 ? resultH - 1 : 0;
    // Undo the rotation.
    switch (quarter) {
      case 0:
        this.#assign(fu, 0, gu, 0, fv, gv);
        break;
      case 1: // (sx, sy) -> (h - 1 - sy, sx)
        this.#assign(0, fv, gv, -fu, 0, h - 1 - gu);
        break;
      case 2: // (sx, sy) -> (w - 1 - sx, h - 1 - sy)
        this.#assign(-fu, 0, w - 1 - gu, 0, -fv, h - 1 - gv);
        break;
      default: // (sx, sy) -> (sy, w - 1 - sx)
        this.#assign(0, -fv, w - 1 - gv, fu, 0, gu);
    }
  }

  #assign(xu: number, xv: number, x0: number, yu: number, yv: number, y0: number): void {
    this.xu = xu;
    this.xv = xv;
    this.x0 = x0;
    this.yu = yu;
    this.yv = yv;
    this.y0 = y0;
    this.identity = xu === 1 && xv === 0 && x0 === 0 && yu === 0 && yv === 1 && y0 === 0;
  }
}
