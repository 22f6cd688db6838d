import { accountZh } from "./account.zh";
import { adminZh } from "./admin.zh";
import { apiZh } from "./api.zh";
import type { MessageKey } from "./en";
import { dashboardZh } from "./dashboard.zh";
import { ledgerZh } from "./ledger.zh";
import { peopleZh } from "./people.zh";
import { notifyZh } from "./notify.zh";
import { projectZh } from "./project.zh";
import { reportZh } from "./report.zh";
import { shareZh } from "./share.zh";

export const zh: Record<MessageKey, string> = {
  ...accountZh,
  ...adminZh,
  ...apiZh,
  ...projectZh,
  ...shareZh,
  ...dashboardZh,
  ...ledgerZh,
  ...peopleZh,
  ...reportZh,
  ...notifyZh,
  "app.name": "Parkline 园区项目通",
  "app.tagline": "工业投资项目，按月跟踪",
  "demo.label": "示例园区 · 演示数据",
  "demo.explain": "按载入数据当天生成的演示数据：本园区的数字均无出处。",
  "app.skipToContent": "跳到正文",

  "nav.projects": "概览",
  "nav.signOut": "退出登录",
  "nav.language": "语言",
  "nav.account": "账户菜单",
  "nav.signedInAs": "已登录：{email}",

  "lang.en": "English",
  "lang.zh": "简体中文",
  "lang.switchTo": "切换语言",

  "signin.title": "登录 Parkline",
  "signin.subtitle": "园区项目台账、进度与汇总",
  "signin.email": "邮箱",
  "signin.password": "密码",
  "signin.submit": "登录",
  "signin.submitting": "正在登录…",
  "signin.invalid": "邮箱或密码不正确。",
  "signin.tooMany": "尝试次数过多，请几分钟后再试。",
  "signin.demoTitle": "演示账户（仅开发环境）",
  "signin.demoHint": "所有演示账户的密码均为 {password}",
  "signin.useAccount": "使用 {email}",

  "validation.required": "此项为必填项。",
  "validation.email": "请输入有效的邮箱地址。",
  "validation.tooLong": "最多 {max} 个字符。",
  "validation.date": "请输入有效日期（YYYY-MM-DD）。",
  "validation.month": "请输入月份（YYYY-MM）。",
  "validation.quantity": "请输入不小于 0 的数字，最多四位小数，例如 120000000。",
  "validation.url": "请输入以 http:// 或 https:// 开头的链接。",
  "validation.code": "只能包含字母、数字和 . _ - /，并以字母或数字开头。",
  "milestone.needsDate": "请至少填写一个日期：计划、预计或实际。",
  "validation.invalid": "此值无效。",

  "error.unauthorized": "请先登录。",
  "error.forbidden": "您无权访问此内容。",
  "error.parkArchived": "此园区已归档：数据只读。",
  "error.fixFields": "请修改下方标出的字段，尚未保存任何内容。",
  "error.notFound": "未找到。",
  "error.badRequest": "请求无效。",
  "error.unavailable": "服务暂时不可用，请稍后重试。",
  "error.generic": "出现错误，未做任何更改，请重试。",
  "error.notFoundTitle": "页面不存在",
  "error.notFoundBody": "该页面不存在，或您无权访问。",
  "error.backHome": "返回项目列表",
  "error.retry": "重试",

  "amount.empty": "请输入金额。",
  "amount.not_a_number": "无法识别的金额。请输入如 50亿、500000万元 或 5,000,000,000；不支持科学计数法（如 1e9）。",
  "amount.negative": "金额不能为负数。",
  "amount.ambiguous_separator": "分隔符有歧义。逗号只能用于每三位分组，小数点只能有一个。",
  "amount.ambiguous_unit": "请只使用一个单位，例如 50亿 或 500000万元。",
  "amount.mixed_units": "请输入一个数字加一个单位，例如 5.3亿。",
  "amount.unsupported_currency": "金额须以人民币计。",
  "amount.too_many_decimals": "最多精确到分（两位小数）。",
  "amount.too_large": "金额超过 10^15 元。",

  "role.admin": "管理员",
  "role.editor": "编辑",
  "role.viewer": "查看者",

  "stage.signed": "已签约",
  "stage.construction": "在建",
  "stage.production": "已投产",
  "stage.full_capacity": "已达产",

  "health.on_track": "正常",
  "health.at_risk": "有风险",
  "health.off_track": "滞后",

  "projects.title": "园区概览",
  "projects.subtitle": "您所在园区及其投资项目",
  "projects.noParks": "您尚未加入任何园区，请联系园区管理员添加。",
  "projects.noParksPlatformAdmin": "您是平台管理员，未加入任何园区：请在“系统管理”中创建地区和园区，并邀请各园区的人员。",
  "projects.noProjects": "该园区暂无项目。",
  "projects.count": "{count} 个项目",
  "projects.col.project": "项目",
  "projects.col.company": "企业",
  "projects.col.cluster": "产业集群",
  "projects.col.stage": "阶段",
  "projects.col.capacity": "设计产能",
  "projects.col.planned": "计划总投资",
  "projects.yourRole": "您的角色：{role}",
  "projects.plannedTotal": "计划总投资",
  "projects.estimated": "估计",
  "projects.estimatedHint": "部分数据为估计值：来源未明确给出。",
  "projects.seeAll": "查看本园区全部 {count} 个项目 →",
  "projects.none": "—",
};
