// Small labelled form fields for the sound editors: a number box clamped to its range and a check
// box. Each reports a committed change once (on 'change'), and can be set from the cart without
// reporting anything.
import { el } from '../../dom.js';

export interface NumberField {
  readonly element: HTMLLabelElement;
  readonly input: HTMLInputElement;
  set(value: number): void;
}

export function numberField(label: string, min: number, max: number, onChange: (value: number) => void, title?: string): NumberField {
  const input = el('input', 'sound-number');
  input.type = 'number';
  input.min = String(min);
  input.max = String(max);
  input.step = '1';
  const element = el('label', 'sound-field', el('span', 'sound-field-label', label), input);
  if (title) element.title = title;
  let current = min;
  input.addEventListener('change', () => {
    const typed = Number.parseInt(input.value, 10);
    if (Number.isNaN(typed)) {
      input.value = String(current);
      return;
    }
    const value = Math.min(max, Math.max(min, typed));
    input.value = String(value);
    if (value !== current) {
      current = value;
      onChange(value);
    }
  });
  return {
    element,
    input,
    set(value) {
      current = value;
      if (input.value !== String(value)) input.value = String(value);
    },
  };
}

export interface CheckField {
  readonly element: HTMLLabelElement;
  readonly input: HTMLInputElement;
  set(checked: boolean): void;
}

/** Without onChange, the box is read where its value is needed. */
export function checkField(label: string, title: string, onChange?: (checked: boolean) => void): CheckField {
  const input = el('input', 'sound-check');
  input.type = 'checkbox';
  const element = el('label', 'sound-field', input, el('span', 'sound-field-label', label));
  element.title = title;
  if (onChange) input.addEventListener('change', () => onChange(input.checked));
  return {
    element,
    input,
    set(checked) {
      input.checked = checked;
    },
  };
}
