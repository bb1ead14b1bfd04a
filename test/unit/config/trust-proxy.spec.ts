import { ConfigError, loadConfig } from '../../../src/config/config';

/** TRUST_PROXY becomes Fastify's trustProxy: off unless set, and a clear error for anything it cannot mean. */
describe('TRUST_PROXY', () => {
  const trustProxy = (value?: string) => loadConfig({ ...(value !== undefined && { TRUST_PROXY: value }) }).trustProxy;

  it.each([
    [undefined, undefined],
    ['false', undefined],
    ['true', true],
    ['1', 1],
    ['127.0.0.1', '127.0.0.1'],
    [' 10.0.0.5, 10.1.0.0/16 ,::1 ', '10.0.0.5,10.1.0.0/16,::1'],
  ])('reads %p as %p', (value, expected) => {
    expect(trustProxy(value)).toEqual(expected);
  });

  it.each(['yes', '10.0.0.300', '10.0.0.0/33', 'proxy.example', '10.0.0.1,'])('refuses %p', (value) => {
    expect(() => trustProxy(value)).toThrow(ConfigError);
  });
});
