// Dropping a cart file anywhere on the window opens it. Drags without files (text dragged inside
// the editor) are left to their targets.

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function installCartDrop(onDrop: (file: File) => void): void {
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
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      event.stopPropagation();
      onDrop(file);
    },
    { capture: true },
  );
}
