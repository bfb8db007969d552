/** Rules files the tests share: the issue's two rules first, then one rule of every other kind. */
import type { RulesFile } from '../../shared/rules.js';

/** The two rules of the issue, and one of every other kind. */
export const EXAMPLE: RulesFile = {
  syndicRules: 1,
  rules: [
    {
      name: 'Sponsored posts in Example News',
      enabled: true,
      match: 'all',
      conditions: [
        { field: 'feed', op: 'is', value: 'Example News' },
        { field: 'title', op: 'contains', value: 'Sponsored' },
      ],
      actions: [{ type: 'mute' }],
    },
    {
      name: 'My project',
      enabled: true,
      match: 'any',
      conditions: [
        { field: 'title', op: 'matches', value: '\\bsyndic\\b' },
        { field: 'content', op: 'contains', value: 'github.com/me/syndic' },
      ],
      actions: [{ type: 'star' }, { type: 'notify' }],
    },
    {
      name: 'Everything else, once',
      enabled: false,
      match: 'all',
      conditions: [
        { field: 'author', op: 'not-contains', value: 'Zoë' },
        { field: 'link', op: 'contains', value: '/podcast/' },
        { field: 'domain', op: 'is', value: 'example.com' },
        { field: 'tag', op: 'is', value: 'Audio' },
        { field: 'enclosure', op: 'contains', value: 'audio/' },
      ],
      actions: [{ type: 'mark-read' }, { type: 'tag', tag: 'Listen later' }, { type: 'full-text' }, { type: 'stop' }],
    },
  ],
};

/** Only the issue's two rules. */
export const ISSUE_RULES: RulesFile = { syndicRules: 1, rules: EXAMPLE.rules.slice(0, 2) };
