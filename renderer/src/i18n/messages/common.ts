/** Words used across the window: dialog buttons, placeholders for a missing name, a feed's and a tag's actions. */
export const common = {
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.done': 'Done',
  'common.ok': 'OK',
  'common.loading': 'Loading…',
  // An article with no title, in the list, the reading pane and the player.
  'common.untitled': '(untitled)',
  'common.unknownFeed': 'Unknown feed',
  // A dialog's title for editing a feed or an account.
  'common.editNamed': 'Edit {name}',
  'feed.refresh': 'Refresh {title}',
  'feed.edit': 'Edit {title}',
  'tags.rename': 'Rename tag {name}',
  'tags.delete': 'Delete tag {name}',
  'tags.remove': 'Remove tag {name}',
} as const;
