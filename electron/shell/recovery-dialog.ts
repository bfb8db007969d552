/**
 * A damaged database is never opened, repaired or replaced without asking: the user
 * chooses to restore the latest backup or to start fresh, and the damaged file is kept
 * aside either way.
 */
import { dialog } from 'electron';
import {
  assertDatabaseWhole,
  DamagedDatabaseError,
  restoreLatestBackup,
  startFresh,
} from '../engine/store/recovery.js';

/** Returns false when the user chose to quit. */
export function recoverIfDamaged(dataDir: string): boolean {
  try {
    assertDatabaseWhole(dataDir);
    return true;
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError)) throw error;
    const buttons = [...(error.latestBackup ? ['Restore Latest Backup'] : []), 'Start Fresh', 'Quit'];
    const choice =
      buttons[
        dialog.showMessageBoxSync({
          type: 'error',
          title: 'Syndic',
          message: 'Syndic’s database is damaged',
          detail: `${error.message}\n\nThe damaged file will be kept aside as syndic.db.damaged-… in ${dataDir}.`,
          buttons,
          defaultId: 0,
          cancelId: buttons.length - 1,
          noLink: true,
        })
      ];
    try {
      if (choice === 'Restore Latest Backup') restoreLatestBackup(dataDir, Date.now());
      else if (choice === 'Start Fresh') startFresh(dataDir, Date.now());
      else return false;
    } catch (failure) {
      // No whole backup after all: nothing was moved, and the user can choose again next start.
      dialog.showErrorBox('Syndic could not recover its database', String(failure));
      return false;
    }
    return true;
  }
}
