import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { Command, InvalidArgumentError } from 'commander';
import { ROLES, Role } from '../../domain/shared/codes';
import { isUuid, visitorStreamId } from '../../domain/shared/ids';
import { loadConfig } from '../config/config';
import { openStorage } from '../storage/open-storage';
import type { Storage } from '../storage/storage.port';
import { hashPassword, passwordProblem } from '../privacy/users/passwords';
import type { User, UserChange } from '../privacy/users/users.store';

export interface NewUser {
  username: string;
  role: Role;
  visitorId?: string;
  password: string;
}

/** Checks the account's name, role and visitor id (before anyone types a password for it). */
export async function checkAccount(storage: Storage, user: Omit<NewUser, 'password'>): Promise<void> {
  if (!/^[\p{L}\p{N}._@+-]{1,100}$/u.test(user.username)) throw new InvalidArgumentError('--username must be 1 to 100 letters, digits or . _ @ + -');
  if (!(ROLES as readonly string[]).includes(user.role)) throw new InvalidArgumentError(`--role must be one of ${ROLES.join(', ')}`);
  if (user.role === 'visitor') {
    if (!isUuid(user.visitorId)) throw new InvalidArgumentError('a visitor needs --visitor <visitorId> (a UUID from POST /visitors)');
    if ((await storage.events.readStream(visitorStreamId(user.visitorId!.toLowerCase()))).length === 0) throw new InvalidArgumentError(`no visitor ${user.visitorId} is registered`);
  } else if (user.visitorId !== undefined) {
    throw new InvalidArgumentError('only --role visitor takes --visitor');
  }
}

/** Checks and stores a user (or replaces the password and role of one with that name). */
export async function addUser(storage: Storage, user: NewUser): Promise<{ username: string; role: Role; visitorId?: string; created: boolean }> {
  await checkAccount(storage, user);
  const problem = passwordProblem(user.password);
  if (problem) throw new InvalidArgumentError(problem);
  const visitorId = user.visitorId?.toLowerCase();
  const created = await storage.users.save({ username: user.username, role: user.role, passwordHash: await hashPassword(user.password), ...(visitorId && { visitorId }) });
  return { username: user.username, role: user.role, ...(visitorId && { visitorId }), created };
}

/** What the other `user` commands print: the user as it now stands, never the hash. */
export interface UserSummary {
  username: string;
  role: Role;
  visitorId?: string;
  disabled: boolean;
  tokenVersion: number;
}

const summary = ({ username, role, visitorId, disabled, tokenVersion }: User): UserSummary => ({ username, role, ...(visitorId !== undefined && { visitorId }), disabled, tokenVersion });

/** Changes a user (every change ends their earlier tokens); an error naming them when there is none. */
async function changeUser(storage: Storage, username: string, change: UserChange): Promise<UserSummary> {
  const user = await storage.users.change(username, change);
  if (!user) throw new InvalidArgumentError(`no user ${username}`);
  return summary(user);
}

/** Disabled: cannot sign in, and every token they hold is refused. */
export const disableUser = (storage: Storage, username: string): Promise<UserSummary> => changeUser(storage, username, { disabled: true });
/** Enabled again: they sign in afresh (their earlier tokens stay ended). */
export const enableUser = (storage: Storage, username: string): Promise<UserSummary> => changeUser(storage, username, { disabled: false });

export async function setPassword(storage: Storage, username: string, password: string): Promise<UserSummary> {
  const problem = passwordProblem(password);
  if (problem) throw new InvalidArgumentError(problem);
  if (!(await storage.users.find(username))) throw new InvalidArgumentError(`no user ${username}`);
  return changeUser(storage, username, { passwordHash: await hashPassword(password) });
}

/** A new role (and visitor id, for a visitor; taken away otherwise). */
export async function setRole(storage: Storage, account: Omit<NewUser, 'password'>): Promise<UserSummary> {
  await checkAccount(storage, account);
  return changeUser(storage, account.username, { role: account.role, visitorId: account.visitorId?.toLowerCase() ?? null });
}

/** Who may sign in, by username: role, visitor id, disabled, never a hash. */
export async function listUsers(storage: Storage): Promise<UserSummary[]> {
  return (await storage.users.list()).map(summary);
}

export async function removeUser(storage: Storage, username: string): Promise<{ username: string; removed: true }> {
  if (!(await storage.users.remove(username))) throw new InvalidArgumentError(`no user ${username}`);
  return { username, removed: true };
}

/**
 * The password, never from the command line (it would sit in the shell's history
 * and in `ps`): typed twice without echo on a terminal, else the first line of
 * standard input (`echo "$PASSWORD" | npm run cli -- user add ...`).
 */
export async function readPassword(input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const first = await prompt(input, 'Adgangskode: ');
  const second = await prompt(input, 'Gentag adgangskode: ');
  if (first !== second) throw new InvalidArgumentError('the two passwords are not the same');
  return first;
}

function prompt(input: NodeJS.ReadStream, question: string): Promise<string> {
  process.stderr.write(question);
  // Typed characters are swallowed: nothing is echoed to the terminal.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output: silent, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/** Runs `work` on the store from the environment (sqlite or postgres; kurrentdb keeps users beside it) and prints its answer. */
async function withStore(work: (storage: Storage) => Promise<unknown>): Promise<void> {
  const config = loadConfig();
  if (config.eventStore === 'memory') throw new InvalidArgumentError('EVENT_STORE=memory keeps nothing between processes; users need sqlite or postgres');
  const storage = await openStorage(config);
  try {
    console.log(JSON.stringify(await work(storage)));
  } finally {
    await storage.close();
  }
}

export function registerUserCommands(program: Command, input: NodeJS.ReadStream = process.stdin): void {
  const user = program.command('user').description('people who sign in to the web application; every change ends the tokens they hold');
  user
    .command('add')
    .description('add a user (or set a new password and role for one); the password is read from standard input, never an argument')
    .requiredOption('--username <name>', 'what they sign in with; recorded as the actor of their commands')
    .requiredOption('--role <role>', ROLES.join(', '))
    .option('--visitor <id>', "a visitor's visitor id (required for --role visitor)")
    .action((options: { username: string; role: Role; visitor?: string }) =>
      withStore(async (storage) => {
        const account = { username: options.username, role: options.role, ...(options.visitor !== undefined && { visitorId: options.visitor }) };
        await checkAccount(storage, account);
        return addUser(storage, { ...account, password: await readPassword(input) });
      }),
    );
  user
    .command('list')
    .description('every user, by username: role, visitor id, whether disabled (never a password hash)')
    .action(() => withStore(listUsers));
  user
    .command('passwd')
    .description("set a user's password (read like add's); their earlier tokens end")
    .requiredOption('--username <name>', 'the user')
    .action(({ username }: { username: string }) =>
      withStore(async (storage) => {
        if (!(await storage.users.find(username))) throw new InvalidArgumentError(`no user ${username}`);
        return setPassword(storage, username, await readPassword(input));
      }),
    );
  user
    .command('role')
    .description("change a user's role; their earlier tokens end")
    .requiredOption('--username <name>', 'the user')
    .requiredOption('--role <role>', ROLES.join(', '))
    .option('--visitor <id>', "a visitor's visitor id (required for --role visitor)")
    .action((options: { username: string; role: Role; visitor?: string }) =>
      withStore((storage) => setRole(storage, { username: options.username, role: options.role, ...(options.visitor !== undefined && { visitorId: options.visitor }) })),
    );
  user
    .command('disable')
    .description('stop a user signing in, and end every token they hold')
    .requiredOption('--username <name>', 'the user')
    .action(({ username }: { username: string }) => withStore((storage) => disableUser(storage, username)));
  user
    .command('enable')
    .description('let a disabled user sign in again (with a new sign-in)')
    .requiredOption('--username <name>', 'the user')
    .action(({ username }: { username: string }) => withStore((storage) => enableUser(storage, username)));
  user
    .command('remove')
    .description('remove a user, and end every token they hold (their name stays on the events they recorded)')
    .requiredOption('--username <name>', 'the user')
    .action(({ username }: { username: string }) => withStore((storage) => removeUser(storage, username)));
}
