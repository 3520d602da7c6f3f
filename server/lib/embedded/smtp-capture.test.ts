import net from 'node:net';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { startSmtpCapture, type CapturedMessage } from './smtp-capture';

describe('embedded SMTP capture', () => {
  it('survives a client that resets its connection mid-conversation, and keeps accepting mail', async () => {
    const received: CapturedMessage[] = [];
    const capture = await startSmtpCapture((message) => {
      received.push(message);
    });
    const unhandled: unknown[] = [];
    const onUncaught = (error: unknown) => unhandled.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      // Workers killed with SIGKILL while sending: the kernel resets their connections mid-message.
      for (let i = 0; i < 3; i++) {
        const socket = net.connect(capture.port, '127.0.0.1');
        await new Promise((resolve) => socket.once('data', resolve));
        socket.write('EHLO killed.example\r\nMAIL FROM:<a@example.test>\r\nRCPT TO:<c@example.test>\r\nDATA\r\n');
        await new Promise((resolve) => setTimeout(resolve, 50));
        socket.write('Subject: cut off\r\n\r\nhalf a messa');
        await new Promise((resolve) => setTimeout(resolve, 50));
        socket.resetAndDestroy();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));

      const transport = nodemailer.createTransport(capture.url);
      await transport.sendMail({ from: 'a@example.test', to: 'b@example.test', subject: 'still here', text: 'hello' });
      transport.close();
      expect(received.map((message) => message.to)).toEqual([['b@example.test']]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await capture.stop();
    }
  });
});
