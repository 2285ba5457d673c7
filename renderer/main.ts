// Entry point of the studio page.
import './style.css';
import { Studio } from './studio.js';

Studio.create().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  const banner = document.createElement('div');
  banner.className = 'fatal';
  banner.textContent = `The studio could not start: ${message}`;
  document.body.prepend(banner);
  console.error(err);
});
