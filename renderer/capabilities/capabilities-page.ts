// Settings' Capabilities page: every cart from elsewhere with an answer, each answer with Revoke
// (the cart is asked again at its next use).
import { button, el } from '../dom.js';
import type { SettingsPage } from '../settings/settings-dialog.js';
import { CAPABILITIES, CAPABILITY_NAMES, type Answer } from './capability.js';
import type { GrantStore } from './grant-store.js';

const ANSWER_NAMES: Readonly<Record<Answer, string>> = { allow: 'allowed', session: 'allowed this session', deny: 'denied' };

export function capabilitiesPage(store: GrantStore): SettingsPage {
  return {
    id: 'capabilities',
    title: 'Capabilities',
    render: () => {
      const carts = store.list();
      const intro = el(
        'p',
        'settings-note',
        'Carts that came from elsewhere ask before they keep save data, lock the mouse or write into the cart file. A changed cart asks again.',
      );
      if (carts.length === 0) return el('div', 'capabilities-page', intro, el('p', 'settings-note', 'No cart has asked yet.'));
      const rows = carts.flatMap((cart) =>
        CAPABILITIES.filter((c) => cart.answers[c] !== undefined).map((capability) => {
          const answer = cart.answers[capability] as Answer;
          const row = el(
            'tr',
            'capability-grant',
            el('td', undefined, cart.name),
            el('td', 'cart-hash', cart.hash.slice(0, 12)),
            el('td', undefined, CAPABILITY_NAMES[capability]),
            el('td', undefined, ANSWER_NAMES[answer]),
            el(
              'td',
              undefined,
              button('Revoke', 'btn btn-quiet', () => store.revoke(cart.hash, capability)),
            ),
          );
          row.dataset.capability = capability;
          return row;
        }),
      );
      const head = el('tr', undefined, ...['cart', 'content', 'capability', 'answer', ''].map((h) => el('th', undefined, h)));
      return el('div', 'capabilities-page', intro, el('table', 'capability-grants', el('thead', undefined, head), el('tbody', undefined, ...rows)));
    },
  };
}
