import type { MembershipRole } from "../schema/enums";

/** Demo sign-ins, listed in README and shown on the sign-in page in development only. */
export const DEMO_PASSWORD = "parkline-demo";

export interface DemoAccount {
  email: string;
  name: string;
  locale: "en" | "zh";
  memberships: { parkSlug: string; role: MembershipRole }[];
  /** Creates regions and parks and assigns region roles (/admin). */
  platformAdmin?: boolean;
  /** Regions (a province's or a city's Chinese name) the account reads as a whole. */
  regionReads?: string[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "admin@ningxiang.demo", name: "郑园区管理员", locale: "zh", memberships: [{ parkSlug: "ningxiang-htz", role: "admin" }] },
  { email: "editor@ningxiang.demo", name: "李项目专员", locale: "zh", memberships: [{ parkSlug: "ningxiang-htz", role: "editor" }] },
  { email: "viewer@ningxiang.demo", name: "王分管领导", locale: "zh", memberships: [{ parkSlug: "ningxiang-htz", role: "viewer" }] },
  {
    email: "officer@ningbo.demo",
    name: "Chen Officer",
    locale: "en",
    memberships: [
      { parkSlug: "qianwan-new-area", role: "editor" },
      { parkSlug: "yinzhou", role: "editor" },
    ],
  },
  { email: "platform@parkline.demo", name: "平台管理员", locale: "zh", memberships: [], platformAdmin: true },
  // A provincial department reading every park of Zhejiang (region role), with no membership per park.
  { email: "reader@zhejiang.demo", name: "周省经信厅", locale: "zh", memberships: [], regionReads: ["浙江省"] },
  // The demonstration park (db/seed/demo-park.ts): one account per role.
  { email: "admin@demo-park.demo", name: "示例管理员", locale: "zh", memberships: [{ parkSlug: "demo-park", role: "admin" }] },
  { email: "editor@demo-park.demo", name: "Demo Editor", locale: "en", memberships: [{ parkSlug: "demo-park", role: "editor" }] },
  { email: "viewer@demo-park.demo", name: "示例领导", locale: "zh", memberships: [{ parkSlug: "demo-park", role: "viewer" }] },
  { email: "admin@ningxia.demo", name: "马园区管理员", locale: "zh", memberships: [{ parkSlug: "ningxia-new-materials", role: "admin" }] },
];

/** Who made the demonstration park's history and share links. */
export const DEMO_PARK_ACTOR = "editor@demo-park.demo";
