// Fullscreen for the player: F11 or Alt+Enter, or its button, toggle it for the player's element
// (the browser's own F11 would not let the page leave it again).

export function toggleFullscreen(element: HTMLElement): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else element.requestFullscreen().catch((err: unknown) => console.warn('fullscreen was refused', err));
}

/** Whether a key press asks for fullscreen. */
export function isFullscreenKey(e: KeyboardEvent): boolean {
  return e.code === 'F11' || (e.altKey && e.code === 'Enter');
}
