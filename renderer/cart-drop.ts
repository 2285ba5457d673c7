// Dropping a cart file anywhere on the window opens it (or, with the library open, a folder or .zip goes to it). Drags without files (text dragged inside
// the editor) are left to their targets.

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** onDrop: the first file dropped, and all that was dropped. */
export function installCartDrop(onDrop: (file: File, data: DataTransfer) => void): void {
  const body = document.body;
  // Capture phase: seen before the editor, which would otherwise take the drop as text.
  window.addEventListener(
    'dragover',
    (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer!.dropEffect = 'copy';
      body.classList.add('dropping-file');
    },
    { capture: true },
  );
  window.addEventListener(
    'dragleave',
    (event) => {
      // relatedTarget is null once the drag has left the window.
      if (event.relatedTarget === null) body.classList.remove('dropping-file');
    },
    { capture: true },
  );
  window.addEventListener(
    'drop',
    (event) => {
      body.classList.remove('dropping-file');
      const data = event.dataTransfer;
      const file = data?.files[0];
      if (!data || !file) return;
      event.preventDefault();
      event.stopPropagation();
      onDrop(file, data);
    },
    { capture: true },
  );
}
