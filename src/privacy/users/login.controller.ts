import { Body, Controller, HttpCode, HttpException, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticationError, BusyError } from '../../http/errors';
import { Public } from '../policy';
import { SERVICE_SECRETS, ServiceSecrets } from '../../storage/secrets';
import { issueToken } from '../tokens';
import { LoginThrottle } from './login-throttle';
import { PasswordGate } from './password-gate';
import { checkPassword } from './passwords';
import { USER_STORE } from './users.providers';
import type { UserStore } from './users.store';

/** How long a sign-in lasts: a working day. The web app signs out when the token expires. */
export const SESSION_TTL = '8h';

/**
 * Password checks at once, and how many more may wait: measured in
 * docs/operations.md (Sign-in under load). Two keep one core of the two free
 * for everything else; eight waiting is two seconds at most before a check.
 */
export const PASSWORD_CHECKS_AT_ONCE = 2;
export const PASSWORD_CHECKS_WAITING = 8;

export class LoginDto {
  @ApiProperty({ example: 'jette' }) @IsString() @MinLength(1) @MaxLength(200) username!: string;
  @ApiProperty({ example: 'en lang adgangskode' }) @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

/** `POST /auth/login`: a username and password (from `cli user add`) for the same bearer token the API takes. */
@ApiTags('auth')
@Controller('auth')
export class LoginController {
  private readonly key: Buffer;
  private readonly throttle = new LoginThrottle();
  private readonly gate = new PasswordGate(PASSWORD_CHECKS_AT_ONCE, PASSWORD_CHECKS_WAITING);

  constructor(
    @Inject(USER_STORE) private readonly users: UserStore,
    @Inject(SERVICE_SECRETS) secrets: ServiceSecrets,
  ) {
    this.key = secrets.signingKey;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ token: string }> {
    const { username, password } = body;
    // Counted before the password is checked: parallel guesses cannot all pass the limit.
    const wait = this.throttle.reserve(username, request.ip);
    if (wait > 0) {
      void reply.header('retry-after', String(Math.ceil(wait / 1000)));
      throw new HttpException('Too many failed sign-ins; try again later', 429);
    }
    const checking = this.gate.tryRun(async () => {
      const found = await this.users.find(username);
      // The same check, and the same answer, whether the user is unknown or the password wrong.
      return (await checkPassword(password, found?.passwordHash)) ? found : undefined;
    });
    if (!checking) {
      this.throttle.unchecked(username);
      throw new BusyError('sign_in_busy', 'Too many sign-ins at once; try again in a moment', 1);
    }
    const user = await checking.catch((error: unknown) => {
      this.throttle.unchecked(username);
      throw error;
    });
    // A disabled user's right password gets the same answer as a wrong one.
    if (!user || user.disabled) throw new AuthenticationError('the username or password is not right');
    this.throttle.succeeded(username, request.ip);
    void reply.header('cache-control', 'no-store');
    const principal = { sub: user.username, role: user.role, ...(user.visitorId !== undefined && { visitorId: user.visitorId }), tokenVersion: user.tokenVersion };
    return { token: issueToken(this.key, principal, SESSION_TTL) };
  }
}
