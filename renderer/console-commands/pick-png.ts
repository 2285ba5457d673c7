// A PNG file the user picks with the browser's file input (the desktop app's page has it too).

export function pickPng(): Promise<{ name: string; bytes: Uint8Array } | null> {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.png,image/png';
  input.className = 'import-png-file';
  input.hidden = true;
  document.body.append(input);
  return new Promise((resolve) => {
    const done = (file: { name: string; bytes: Uint8Array } | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('cancel', () => done(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return done(null);
      file.arrayBuffer().then(
        (buffer) => done({ name: file.name, bytes: new Uint8Array(buffer) }),
        () => done(null),
      );
    });
    input.click();
  });
}
