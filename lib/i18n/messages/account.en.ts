// Messages of the account page: changing one's password.
export const accountEn = {
  "account.title": "Your account",
  "account.changePassword": "Change password",
  "account.currentPassword": "Current password",
  "account.newPassword": "New password",
  "account.newPasswordHint": "At least 10 characters. Saving signs you out everywhere, on every device. API tokens keep working: revoke them below, or sign out everywhere with them.",
  "account.confirmPassword": "New password again",
  "account.mismatch": "The two new passwords differ.",
  "account.tooShort": "Use at least 10 characters.",
  "account.wrongCurrent": "The current password is not right.",
  "account.save": "Change password",
  "account.signOutEverywhere": "Sign out everywhere",
  "account.signOutEverywhereHint": "Ends every session of your account, on every device, this one included. Use it if you think someone else has signed in as you.",
  "account.revokeApiTokens": "Also revoke all my API tokens (scripts and integrations using them stop working)",
  "account.signOutEverywhereSubmit": "Sign out everywhere",
} as const;
