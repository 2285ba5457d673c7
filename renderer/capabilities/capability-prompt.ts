// The question a cart from elsewhere raises at the first use of a capability, shown beside the
// screen while the cart goes on running: the cart's name, what it wants, and Allow / Allow this
// session / Deny. Questions raised while one is shown wait their turn.
import { button, el } from '../dom.js';
import { CAPABILITY_WANTS, type Answer } from './capability.js';
import type { CapabilityQuestion } from './run-grants.js';

const ANSWERS: readonly [Answer, string][] = [
  ['allow', 'Allow'],
  ['session', 'Allow this session'],
  ['deny', 'Deny'],
];

export class CapabilityPrompt {
  readonly #root: HTMLElement;
  readonly #queue: CapabilityQuestion[] = [];

  constructor(parent: HTMLElement) {
    this.#root = el('div', 'capability-prompt');
    this.#root.hidden = true;
    this.#root.setAttribute('role', 'alertdialog');
    parent.append(this.#root);
  }

  ask(question: CapabilityQuestion): void {
    this.#queue.push(question);
    if (this.#queue.length === 1) this.#show(question);
  }

  #show(question: CapabilityQuestion): void {
    const { cartName, capability, changed } = question;
    const text = `${cartName} wants to ${CAPABILITY_WANTS[capability]}.${changed ? ' The cart changed since you last answered for it.' : ''}`;
    const answers = ANSWERS.map(([answer, label]) => {
      const b = button(label, 'btn', () => this.#answer(question, answer));
      b.dataset.answer = answer;
      return b;
    });
    this.#root.dataset.capability = capability;
    this.#root.replaceChildren(el('span', 'capability-question', text), el('span', 'capability-answers', ...answers));
    this.#root.hidden = false;
  }

  #answer(question: CapabilityQuestion, answer: Answer): void {
    this.#queue.shift();
    question.answer(answer);
    const next = this.#queue[0];
    if (next) this.#show(next);
    else this.#root.hidden = true;
  }
}
