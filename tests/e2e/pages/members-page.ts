import { expect, type Locator, type Page } from "@playwright/test";

/** /parks/[slug]/members: a park admin's people page, in either language. */
export class MembersPage {
  readonly inviteForm: Locator;
  readonly inviteUrl: Locator;
  readonly members: Locator;
  readonly pending: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.inviteForm = page.locator("form#invite");
    this.inviteUrl = page.getByTestId("invite-url");
    this.members = page.getByTestId("member-row");
    this.pending = page.getByTestId("invitation-row");
    this.history = page.getByTestId("people-history");
  }

  async goto(slug: string) {
    await this.page.goto(`/parks/${slug}/members`);
    await expect(this.inviteForm).toBeVisible();
  }

  /** Invites an address with the default role (editor) and returns the one-time link's path. */
  async invite(email: string): Promise<string> {
    await this.inviteForm.getByLabel(/^(电子邮箱|Email address)$/).fill(email);
    await this.inviteForm.getByRole("button", { name: /^(生成邀请|Create invitation)$/ }).click();
    await expect(this.inviteUrl).toBeVisible();
    return new URL(await this.inviteUrl.inputValue()).pathname;
  }

  member(email: string): Locator {
    return this.members.filter({ hasText: email });
  }

  async remove(email: string) {
    await this.member(email).getByRole("button", { name: /^(将 .+ 移出园区|Remove .+ from the park)$/ }).click();
    await expect(this.member(email)).toHaveCount(0);
  }
}
