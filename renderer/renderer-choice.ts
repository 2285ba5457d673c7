// Which pixi renderers to try for the screen. WebGL 2 on a GPU is the cheapest, and its shader
// applies the palettes (palette-frame.ts); WebGL emulated in software (SwiftShader, llvmpipe:
// machines and VMs without a GPU) costs the page most of every frame, which starves the editor,
// while pixi's 2D canvas renderer stays cheap there. ?screen=webgl or ?screen=canvas in the page's
// address overrides the choice (tests compare the two).
import type { RendererPreference } from 'pixi.js';

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

function webglRendererName(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

export function screenRendererPreference(): RendererPreference[] {
  const asked = new URLSearchParams(window.location.search).get('screen');
  if (asked === 'webgl' || asked === 'canvas') return [asked];
  const name = webglRendererName();
  return name === null || SOFTWARE_GL.test(name) ? ['canvas'] : ['webgl', 'canvas'];
}
