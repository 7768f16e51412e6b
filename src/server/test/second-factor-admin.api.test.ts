import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  findSecondFactor,
  saveUnconfirmedSecondFactor,
  turnOnSecondFactor,
} from '../repositories/second-factors.repository';
import { createTeacher } from '../repositories/teachers.repository';
import { COMMAND_TIMEOUT, createInstall, runAdmin, type Install } from './admin-runner';
import { describeEachStorage } from './use-test-server';

describeEachStorage('npm run admin -- reset-second-factor on %s', (kind) => {
  let install: Install;
  let teacherId = '';

  beforeAll(async () => {
    install = await createInstall(kind);
    const db = await install.open();
    const teacher = await createTeacher(db, {
      email: 'ada@school.example',
      name: 'Ada',
      passwordHash: 'scrypt$unused',
    });
    teacherId = teacher?.id ?? '';
    await saveUnconfirmedSecondFactor(db, teacherId, 'sealed-secret');
    await turnOnSecondFactor(db, teacherId, ['hash-of-a-recovery-code']);
    await db.close();
  });
  afterAll(async () => {
    await install.destroy();
  });

  it(
    'turns a teacher’s second factor off, and says so; names an unknown e-mail',
    COMMAND_TIMEOUT,
    async () => {
      const reset = await runAdmin(['reset-second-factor', 'Ada@School.example'], install.env);
      expect(reset.stderr).toBe('');
      expect(reset.code).toBe(0);
      expect(reset.stdout).toContain('The second factor of Ada (ada@school.example) is off');
      const db = await install.open();
      expect(await findSecondFactor(db, teacherId)).toBeNull();
      await db.close();

      const again = await runAdmin(['reset-second-factor', 'ada@school.example'], install.env);
      expect(again.stdout).toContain('has no second factor: nothing to reset');

      const unknown = await runAdmin(['reset-second-factor', 'nobody@school.example'], install.env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain(
        'No teacher account has the e-mail address nobody@school.example',
      );
    },
  );
});
