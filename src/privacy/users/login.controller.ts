import { Body, Controller, HttpCode, HttpException, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuthenticationError } from '../../http/errors';
import { Public } from '../policy';
import { signingKey } from '../signing-key';
import { issueToken } from '../tokens';
import { LoginThrottle } from './login-throttle';
import { checkPassword } from './passwords';
import { USER_STORE } from './users.providers';
import type { UserStore } from './users.store';

/** How long a sign-in lasts: a working day. The web app signs out when the token expires. */
export const SESSION_TTL = '8h';

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

  constructor(
    @Inject(USER_STORE) private readonly users: UserStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = signingKey(config.dataDir, config.jwtSecret);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ token: string }> {
    const wait = this.throttle.retryAfter(body.username, request.ip);
    if (wait > 0) {
      void reply.header('retry-after', String(Math.ceil(wait / 1000)));
      throw new HttpException('Too many failed sign-ins; try again later', 429);
    }
    const user = await this.users.find(body.username);
    // The same check, and the same answer, whether the user is unknown or the password wrong.
    if (!(await checkPassword(body.password, user?.passwordHash)) || !user) {
      this.throttle.failed(body.username, request.ip);
      throw new AuthenticationError('the username or password is not right');
    }
    this.throttle.succeeded(body.username);
    void reply.header('cache-control', 'no-store');
    const principal = { sub: user.username, role: user.role, ...(user.visitorId !== undefined && { visitorId: user.visitorId }) };
    return { token: issueToken(this.key, principal, SESSION_TTL) };
  }
}
