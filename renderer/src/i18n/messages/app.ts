/** The window around the panes: the skip link, the splitters, the banners, the toasts, what is announced. */
export const app = {
  'app.skipToList': 'Skip to the article list',
  'app.resizeFeeds': 'Resize the feeds pane',
  'app.resizeList': 'Resize the article list',
  'app.damaged': 'Syndic’s database is damaged ({problem}). Nothing has been changed, and no backup was replaced.',
  'app.damaged.restore': 'Restore the latest backup…',
  'app.damaged.latestBackupDate': 'the date of the latest backup',
  'app.damaged.quit': 'Quit Syndic: at the next start it offers to start fresh, keeping the damaged file aside.',
  'app.refreshing': 'Refreshing feeds',
  'app.refreshing.progress': 'Refreshing {done} of {total} feeds…',
  // {command} is the command's name, set as code.
  'app.disconnected': 'Lost the connection to Syndic. Reconnecting… (is {command} still running?)',
  'app.connectionLost': 'Lost the connection to Syndic. Is `syndic serve` still running?',
  'app.offline':
    'You seem to be offline: no feed could be reached. Reading, starring and search still work; Syndic refreshes when the network is back.',
  'app.diskFull':
    'The disk is full, so the refresh stopped. Everything saved before is intact: free some space, then refresh again.',
  'app.toast.dismiss': 'Dismiss',
  'app.toast.undo': 'Undo',
  // Said to screen readers when the open article changes.
  'app.announce.article': '{title}, {feed}',
  'app.announce.starred': '{title}, {feed}, starred',
  'app.announce.untitled': 'Untitled',
} as const;
