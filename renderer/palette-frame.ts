// The frame drawn by a WebGL shader: the compact frame expanded to one colour index a pixel (an R8
// texture, 16..31 for vbank 1's colours) and each row's two palettes (a 32 x 144 RGBA texture), the
// colours looked up per pixel with exact texel fetches, no filtering. The mouse cursor is a sprite
// over it, placed on whole frame pixels.
import { BufferImageSource, Container, GlProgram, Mesh, MeshGeometry, Shader, Sprite, Texture } from 'pixi.js';
import type { CompactFrame } from '../runner/common/compact-frame.js';
import { expandFrame, FRAME_INDEX_BYTES, FRAME_PALETTE_BYTES, ROW_PALETTE_COLOURS } from '../runner/common/compose-frame.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../runner/common/protocol.js';
import { CURSOR_SIZE, type CursorImage } from './cursor-overlay.js';
import type { ScreenFrame } from './screen-frame.js';

// GLSL ES 3.00 (WebGL 2) for texelFetch and integer texel coordinates; high precision, so that
// the texel coordinates and the 8-bit indices come out exact.
const VERTEX = `#version 300 es
precision highp float;
in vec2 aPosition;
in vec2 aUV;
out vec2 vUV;
uniform mat3 uProjectionMatrix;
uniform mat3 uWorldTransformMatrix;
uniform mat3 uTransformMatrix;
void main() {
  mat3 mvp = uProjectionMatrix * uWorldTransformMatrix * uTransformMatrix;
  gl_Position = vec4((mvp * vec3(aPosition, 1.0)).xy, 0.0, 1.0);
  vUV = aUV;
}
`;

const FRAGMENT = `#version 300 es
precision highp float;
precision highp sampler2D;
in vec2 vUV;
out vec4 finalColor;
uniform sampler2D uIndices;
uniform sampler2D uPalettes;
void main() {
  ivec2 pixel = ivec2(vUV * vec2(${FRAME_WIDTH}.0, ${FRAME_HEIGHT}.0));
  int index = int(texelFetch(uIndices, pixel, 0).r * 255.0 + 0.5);
  finalColor = vec4(texelFetch(uPalettes, ivec2(index, pixel.y), 0).rgb, 1.0);
}
`;

function bufferSource(resource: Uint8Array, width: number, height: number, format: 'r8unorm' | 'rgba8unorm'): BufferImageSource {
  return new BufferImageSource({ resource, width, height, format, scaleMode: 'nearest', alphaMode: 'no-premultiply-alpha' });
}

export class PaletteScreenFrame implements ScreenFrame {
  readonly view = new Container();
  readonly #indices = new Uint8Array(FRAME_INDEX_BYTES);
  readonly #palettes = new Uint8Array(FRAME_PALETTE_BYTES);
  readonly #indexSource = bufferSource(this.#indices, FRAME_WIDTH, FRAME_HEIGHT, 'r8unorm');
  readonly #paletteSource = bufferSource(this.#palettes, ROW_PALETTE_COLOURS, FRAME_HEIGHT, 'rgba8unorm');
  readonly #cursorPixels = new Uint8Array(CURSOR_SIZE * CURSOR_SIZE * 4);
  readonly #cursorSource = bufferSource(this.#cursorPixels, CURSOR_SIZE, CURSOR_SIZE, 'rgba8unorm');
  readonly #cursor = new Sprite(new Texture({ source: this.#cursorSource }));

  constructor() {
    const geometry = new MeshGeometry({
      positions: new Float32Array([0, 0, FRAME_WIDTH, 0, FRAME_WIDTH, FRAME_HEIGHT, 0, FRAME_HEIGHT]),
      uvs: new Float32Array([0, 0, 1, 0, 1, 1, 0, 1]),
      indices: new Uint32Array([0, 1, 2, 0, 2, 3]),
    });
    const shader = new Shader({
      glProgram: GlProgram.from({ vertex: VERTEX, fragment: FRAGMENT, name: 'nibble-palette-frame' }),
      resources: { uIndices: this.#indexSource, uPalettes: this.#paletteSource },
    });
    this.#cursor.visible = false;
    this.view.addChild(new Mesh({ geometry, shader }), this.#cursor);
  }

  show(frame: CompactFrame | null, cursor: CursorImage | null): void {
    if (frame) expandFrame(frame, this.#indices, this.#palettes);
    else {
      this.#indices.fill(0);
      this.#palettes.fill(0);
    }
    this.#indexSource.update();
    this.#paletteSource.update();
    this.#cursor.visible = cursor !== null;
    if (!cursor) return;
    this.#cursorPixels.set(cursor.pixels);
    this.#cursorSource.update();
    this.#cursor.position.set(cursor.x, cursor.y);
  }
}
