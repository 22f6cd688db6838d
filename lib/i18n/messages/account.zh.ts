import type { accountEn } from "./account.en";

export const accountZh: Record<keyof typeof accountEn, string> = {
  "account.title": "我的账户",
  "account.changePassword": "修改密码",
  "account.currentPassword": "当前密码",
  "account.newPassword": "新密码",
  "account.newPasswordHint": "至少 10 个字符。保存后，您在所有设备上的登录都会退出。",
  "account.confirmPassword": "再次输入新密码",
  "account.mismatch": "两次输入的新密码不一致。",
  "account.tooShort": "请至少使用 10 个字符。",
  "account.wrongCurrent": "当前密码不正确。",
  "account.save": "修改密码",
};
