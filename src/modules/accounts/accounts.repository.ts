// Agencies, departments, users and their roles.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { AgencyTable, DepartmentTable, UserTable } from '../../core/db/schema.ts';
import { isRole, type Role, type SessionUser } from './roles.ts';

export function accountsRepository(db: DbOrTrx) {
  return {
    insertAgency: (row: AgencyTable) => db.insertInto('agencies').values(row).execute(),
    listAgencies: () => db.selectFrom('agencies').selectAll().orderBy('createdAt').orderBy('id').execute(),
    agencyById: (id: string) => db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst(),
    agencyByCode: (code: string) =>
      db.selectFrom('agencies').selectAll().where((eb) => eb.or([eb('code', '=', code), eb('creditCode', '=', code)])).executeTakeFirst(),
    firstAgency: () => db.selectFrom('agencies').selectAll().orderBy('createdAt').orderBy('id').limit(1).executeTakeFirst(),
    updateAgency: (id: string, patch: Partial<AgencyTable>) => db.updateTable('agencies').set(patch).where('id', '=', id).execute(),
    childAgencies: (parentId: string) =>
      db.selectFrom('agencies').selectAll().where('parentAgencyId', '=', parentId).orderBy('createdAt').execute(),
    /** Whether any agency reports to this one (the console menu asks on each page; agencies are few). */
    async hasChildAgencies(parentId: string): Promise<boolean> {
      return (await db.selectFrom('agencies').select('id').where('parentAgencyId', '=', parentId).limit(1).executeTakeFirst()) !== undefined;
    },

    insertDepartment: (row: DepartmentTable) => db.insertInto('departments').values(row).execute(),
    departmentsOf: (agencyId: string) =>
      db.selectFrom('departments').selectAll().where('agencyId', '=', agencyId).orderBy('sortOrder').orderBy('name').execute(),
    departmentById: (id: string) => db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst(),

    async insertUser(row: UserTable, roles: Role[]) {
      await db.insertInto('users').values(row).execute();
      if (roles.length) await db.insertInto('userRoles').values(roles.map((role) => ({ userId: row.id, role }))).execute();
    },
    async setRoles(userId: string, roles: Role[]) {
      await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
      if (roles.length) await db.insertInto('userRoles').values(roles.map((role) => ({ userId, role }))).execute();
    },
    updateUser: (id: string, patch: Partial<UserTable>) => db.updateTable('users').set(patch).where('id', '=', id).execute(),
    userByUsername: (username: string) => db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),
    userById: (id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    async rolesOf(userId: string): Promise<Role[]> {
      const rows = await db.selectFrom('userRoles').select('role').where('userId', '=', userId).orderBy('role').execute();
      return rows.map((r) => r.role).filter(isRole);
    },
    async usersOf(agencyId: string) {
      const users = await db
        .selectFrom('users')
        .leftJoin('departments', 'departments.id', 'users.departmentId')
        .select([
          'users.id', 'users.username', 'users.displayName', 'users.departmentId', 'users.active',
          'users.isPrincipalLeader', 'users.agencyId', 'departments.name as departmentName', 'users.lockedUntil', 'users.totpEnabledAt',
        ])
        .where('users.agencyId', '=', agencyId)
        .orderBy('users.username')
        .execute();
      const roles = users.length
        ? await db.selectFrom('userRoles').selectAll().where('userId', 'in', users.map((u) => u.id)).execute()
        : [];
      return users.map((u) => ({ ...u, roles: roles.filter((r) => r.userId === u.id).map((r) => r.role).filter(isRole) }));
    },
    countUsers: async () => Number((await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0),
  };
}

export function toSessionUser(user: UserTable, roles: Role[]): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyId: user.agencyId,
    departmentId: user.departmentId,
    roles,
    isPrincipalLeader: user.isPrincipalLeader === 1,
    mustChangePassword: user.mustChangePassword === 1,
  };
}
