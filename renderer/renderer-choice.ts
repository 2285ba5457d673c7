// Which pixi renderers to try for the screen. WebGL on a GPU is the cheapest; WebGL emulated in
// software (SwiftShader, llvmpipe: machines and VMs without a GPU) costs the page most of every
// frame, which starves the editor, while pixi's 2D canvas renderer stays cheap there.
import type { RendererPreference } from 'pixi.js';

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

function webglRendererName(): string | null {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

export function screenRendererPreference(): RendererPreference[] {
  const name = webglRendererName();
  return name === null || SOFTWARE_GL.test(name) ? ['canvas'] : ['webgl', 'canvas'];
}
