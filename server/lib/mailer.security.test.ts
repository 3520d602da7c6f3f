import { describe, expect, it } from 'vitest';
import { smtpTransportOptions } from './mailer';

describe('smtpTransportOptions', () => {
  it('requires STARTTLS for smtp:// in production, so a stripped STARTTLS offer fails instead of sending in clear', () => {
    expect(smtpTransportOptions('smtp://user:pw@mail.example:587', true)).toMatchObject({ secure: false, requireTLS: true, ignoreTLS: false });
  });
  it('uses implicit TLS for smtps://', () => {
    expect(smtpTransportOptions('smtps://mail.example', true)).toMatchObject({ secure: true, requireTLS: false, port: 465 });
  });
  it('lets development talk to a local test server without TLS', () => {
    expect(smtpTransportOptions('smtp://127.0.0.1:2525?ignoreTLS=true', false)).toMatchObject({ requireTLS: false, ignoreTLS: true });
  });
});
