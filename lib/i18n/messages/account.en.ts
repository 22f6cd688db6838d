// Messages of the account page: changing one's password.
export const accountEn = {
  "account.title": "Your account",
  "account.changePassword": "Change password",
  "account.currentPassword": "Current password",
  "account.newPassword": "New password",
  "account.newPasswordHint": "At least 10 characters. Saving signs you out everywhere, on every device.",
  "account.confirmPassword": "New password again",
  "account.mismatch": "The two new passwords differ.",
  "account.tooShort": "Use at least 10 characters.",
  "account.wrongCurrent": "The current password is not right.",
  "account.save": "Change password",
} as const;
