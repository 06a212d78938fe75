// gongkai privacy rotate-keys: re-encrypts personal data at rest under SECRET_KEY (the old key
// in SECRET_KEY_PREVIOUS), recomputes blind indexes, encrypts phone numbers stored before phone
// encryption. Run it right after changing the key; it is safe to run again.
import { rotateKeys } from '../modules/privacy/index.ts';
import type { CliCommand } from './commands.ts';
import { cliActor, withServices } from './context.ts';

export const privacyRotateKeysCommand: CliCommand = {
  summary: '用当前密钥（SECRET_KEY）重新加密个人信息；旧密钥放在 SECRET_KEY_PREVIOUS',
  async run() {
    return withServices(async (services) => {
      const r = await rotateKeys({ db: services.database.db, clock: services.clock, cipher: services.cipher }, cliActor());
      console.log(`密钥 ${services.cipher.keyId}：重新加密申请 ${r.requests} 件，检查结果 ${r.findings} 条`);
      return 0;
    });
  },
};
