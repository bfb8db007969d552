/**
 * Group commit's reports (store/group-commit.ts): a feed is reported stored only if the
 * transaction its writes went into committed. A feed finishes a few ticks after it writes;
 * in between, another feed's write can meet a full disk, which rolls the whole transaction
 * back (SQLite does so itself), and a new transaction can open.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { GroupCommit } from '../../../../electron/engine/store/group-commit.js';
import { tempDatabase } from '../../../support/temp.js';

/** A temporary database with one table and a group over it, removed when the test ends. */
function rig(test: TestContext) {
  const t = tempDatabase();
  test.after(() => t.done());
  t.db.exec('CREATE TABLE t (x TEXT)');
  const group = new GroupCommit(t.db, { maxFeeds: 10, maxMs: 60_000 });
  const insert = (x: string) => () => t.db.prepare('INSERT INTO t VALUES (?)').run(x);
  const rows = () => t.db.prepare('SELECT x FROM t ORDER BY x').pluck().all();
  return { db: t.db, group, insert, rows };
}

describe('group commit: reports', () => {
  it('never reports a feed whose transaction a full disk rolled back, though it finishes after', (test) => {
    const { db, group, insert, rows } = rig(test);
    const reported: string[] = [];
    const a = group.forFeed();
    a.write(insert('a'));
    // Feed b's write meets a full disk: SQLite rolls the whole transaction back.
    const b = group.forFeed();
    assert.throws(() =>
      b.write(() => {
        db.exec('ROLLBACK');
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      }),
    );
    // Feed c writes into a new transaction before a's report is queued.
    const c = group.forFeed();
    c.write(insert('c'));
    a.afterCommit(() => reported.push('a'));
    c.afterCommit(() => reported.push('c'));
    assert.deepEqual(reported, [], 'nothing is reported before its commit');
    group.commit();
    assert.deepEqual(rows(), ['c']);
    assert.deepEqual(reported, ['c'], "a's article is gone, so a is not reported");
  });

  it('reports at once a feed whose transaction has already committed, and queues one still open', (test) => {
    const { group, insert, rows } = rig(test);
    const reported: string[] = [];
    const a = group.forFeed();
    a.write(insert('a'));
    group.commit();
    const b = group.forFeed();
    b.write(insert('b'));
    a.afterCommit(() => reported.push('a'));
    b.afterCommit(() => reported.push('b'));
    assert.deepEqual(reported, ['a']);
    group.commit();
    assert.deepEqual(reported, ['a', 'b']);
    assert.deepEqual(rows(), ['a', 'b']);
    // A feed that wrote nothing (a failure before its write) is reported with the group.
    const idle = group.forFeed();
    idle.afterCommit(() => reported.push('idle'));
    assert.deepEqual(reported, ['a', 'b', 'idle']);
  });

  it('never reports a feed whose group failed to commit', (test) => {
    const { db, group, insert } = rig(test);
    const reported: string[] = [];
    const a = group.forFeed();
    a.write(insert('a'));
    // The COMMIT itself fails: here the transaction is gone under the group.
    db.exec('ROLLBACK');
    group.commit();
    a.afterCommit(() => reported.push('a'));
    assert.deepEqual(reported, []);
  });
});
