// A paused cart's values as a tree: a value with a handle opens when clicked, its entries asked of
// the runner a page at a time ("more…" asks for the next), a long string shows all of itself.
import { INSPECT_PAGE, type InspectTarget, type ValueView } from '../../runner/common/debug-types.js';
import { button, el } from '../dom.js';

export interface InspectionResult {
  entries: ValueView[];
  more: boolean;
  error?: string;
}

export type Inspect = (target: InspectTarget) => Promise<InspectionResult>;

/** One row per value, each openable one lazily filled. */
export function valueList(values: readonly ValueView[], inspect: Inspect): HTMLElement {
  const list = el('div', 'value-list');
  for (const value of values) list.append(valueRow(value, inspect));
  return list;
}

export function valueRow(value: ValueView, inspect: Inspect): HTMLElement {
  const name = el('span', 'value-name', value.name);
  const text = el('span', 'value-text', value.value);
  if (value.handle === undefined) return el('div', 'value-row', name, ' ', text);
  const handle = value.handle;
  if (value.value.startsWith('"')) {
    const row = el('div', 'value-row', name, ' ', text, ' ');
    const all = button('show all', 'btn btn-small btn-quiet value-all', () => {
      void inspect({ handle, offset: 0 }).then((result) => {
        text.textContent = result.error ?? JSON.stringify(result.entries[0]?.value ?? '');
        all.remove();
      });
    });
    row.append(all);
    return row;
  }
  const details = el('details', 'value-row value-open');
  const children = el('div', 'value-children');
  details.append(el('summary', 'value-summary', name, ' ', text), children);
  let loaded = false;
  details.addEventListener('toggle', () => {
    if (!details.open || loaded) return;
    loaded = true;
    void loadPage(children, handle, 0, inspect);
  });
  return details;
}

async function loadPage(into: HTMLElement, handle: number, offset: number, inspect: Inspect): Promise<void> {
  const result = await inspect({ handle, offset });
  if (result.error) {
    into.append(el('div', 'value-error', result.error));
    return;
  }
  for (const entry of result.entries) into.append(valueRow(entry, inspect));
  if (result.entries.length === 0 && offset === 0) into.append(el('div', 'value-empty', 'empty'));
  if (result.more) {
    const more = button('more…', 'btn btn-small btn-quiet value-more', () => {
      more.remove();
      void loadPage(into, handle, offset + INSPECT_PAGE, inspect);
    });
    into.append(more);
  }
}
