import type { accountEn } from "./account.en";

export const accountZh: Record<keyof typeof accountEn, string> = {
  "account.title": "我的账户",
  "account.changePassword": "修改密码",
  "account.currentPassword": "当前密码",
  "account.newPassword": "新密码",
  "account.newPasswordHint": "至少 10 个字符。保存后，您在所有设备上的登录都会退出。API 令牌仍然有效：可在下方撤销，或在“退出所有登录”时一并撤销。",
  "account.confirmPassword": "再次输入新密码",
  "account.mismatch": "两次输入的新密码不一致。",
  "account.tooShort": "请至少使用 10 个字符。",
  "account.wrongCurrent": "当前密码不正确。",
  "account.save": "修改密码",
  "account.signOutEverywhere": "退出所有登录",
  "account.signOutEverywhereHint": "结束您账户在所有设备上的全部登录，包括当前这一个。如果您怀疑有他人以您的身份登录，请使用此功能。",
  "account.revokeApiTokens": "同时撤销我的全部 API 令牌（使用这些令牌的脚本和集成将停止工作）",
  "account.signOutEverywhereSubmit": "退出所有登录",
};
