// The vocabulary of the demonstration park: clusters, products and fictional company names. Plain
// data; db/seed/demo-park.ts draws from it with a seeded PRNG. Nothing here is a real company.
import type { CapacityPeriod, CapacityUnit } from "./types";

export const DEMO_PARK = {
  slug: "demo-park",
  name: "示例高新区",
  nameEn: "Demo High-Tech Zone",
  // A region of its own, so no region rollup mixes illustrative figures with sourced ones.
  province: "示例省",
  provinceEn: "Demo Province",
  city: "示例市",
  cityEn: "Demo City",
} as const;

export interface DemoCluster {
  name: string;
  nameEn: string;
  /** Code prefix of its projects, e.g. "NE" → DP-NE-07. */
  code: string;
  product: string;
  productEn: string;
  unit: CapacityUnit;
  period: CapacityPeriod;
  /** Designed capacity of one line, in `unit` per `period`: [min, max]. */
  perLine: [number, number];
  /** Planned investment in yuan: [min, max]. */
  investment: [number, number];
  /** Output value per year at full capacity, as a multiple of planned investment. */
  outputRatio: number;
  /** The project's name from its total designed capacity (a multiple of `step`). */
  project: (total: number) => { name: string; nameEn: string };
  /** Line capacities are rounded to this, so names read as round figures. */
  step: number;
}

export const DEMO_CLUSTERS: DemoCluster[] = [
  {
    name: "新能源电池",
    nameEn: "New-energy batteries",
    code: "NE",
    product: "动力电池",
    productEn: "Power batteries",
    unit: "GWh",
    period: "year",
    perLine: [2, 6],
    step: 1,
    investment: [1_500_000_000, 8_000_000_000],
    outputRatio: 1.4,
    project: (total) => ({ name: `年产${total}GWh动力电池项目`, nameEn: `${total} GWh/year power battery project` }),
  },
  {
    name: "光伏新材料",
    nameEn: "Photovoltaic materials",
    code: "PV",
    product: "光伏背板膜",
    productEn: "PV backsheet film",
    unit: "m2",
    period: "year",
    perLine: [20_000_000, 60_000_000],
    step: 1_000_000,
    investment: [400_000_000, 3_000_000_000],
    outputRatio: 1.2,
    project: (total) => ({ name: `年产${total / 10_000}万平方米光伏背板膜项目`, nameEn: `${total / 1_000_000} million m²/year PV backsheet film project` }),
  },
  {
    name: "先进装备制造",
    nameEn: "Advanced equipment",
    code: "EQ",
    product: "工程机械整机",
    productEn: "Construction machinery",
    unit: "unit",
    period: "year",
    perLine: [500, 3_000],
    step: 100,
    investment: [300_000_000, 2_500_000_000],
    outputRatio: 1.6,
    project: (total) => ({ name: `年产${total}台工程机械项目`, nameEn: `${total} machines/year construction machinery project` }),
  },
  {
    name: "新材料",
    nameEn: "Advanced materials",
    code: "NM",
    product: "高性能铝合金材料",
    productEn: "High-performance aluminium alloy",
    unit: "t",
    period: "year",
    perLine: [20_000, 80_000],
    step: 10_000,
    investment: [500_000_000, 4_000_000_000],
    outputRatio: 1.1,
    project: (total) => ({ name: `年产${total / 10_000}万吨高性能铝合金项目`, nameEn: `${total / 1_000} kt/year aluminium alloy project` }),
  },
  {
    name: "电子信息",
    nameEn: "Electronics",
    code: "EI",
    product: "功率半导体模块",
    productEn: "Power semiconductor modules",
    unit: "piece",
    period: "year",
    perLine: [1_000_000, 6_000_000],
    step: 1_000_000,
    investment: [200_000_000, 2_000_000_000],
    outputRatio: 1.8,
    project: (total) => ({ name: `年产${total / 10_000}万只功率半导体模块项目`, nameEn: `${total / 1_000_000} million modules/year power semiconductor project` }),
  },
];

/** Fictional company name stems: 40 of them, one per project. */
export const COMPANY_STEMS: [string, string][] = [
  ["澄湖", "Chenghu"], ["云岭", "Yunling"], ["青禾", "Qinghe"], ["远帆", "Yuanfan"], ["星澜", "Xinglan"],
  ["海曦", "Haixi"], ["金岚", "Jinlan"], ["鸿屿", "Hongyu"], ["北辰", "Beichen"], ["启明", "Qiming"],
  ["松川", "Songchuan"], ["岳峰", "Yuefeng"], ["锦程", "Jincheng"], ["恒越", "Hengyue"], ["晨阳", "Chenyang"],
  ["翠微", "Cuiwei"], ["丰泽", "Fengze"], ["朗润", "Langrun"], ["嘉禾", "Jiahe"], ["若水", "Ruoshui"],
  ["望舒", "Wangshu"], ["临川", "Linchuan"], ["枫桥", "Fengqiao"], ["白鹭", "Bailu"], ["曜石", "Yaoshi"],
  ["九畹", "Jiuwan"], ["南樾", "Nanyue"], ["观澜", "Guanlan"], ["青岑", "Qingcen"], ["拓原", "Tuoyuan"],
  ["明湾", "Mingwan"], ["沐川", "Muchuan"], ["弘毅", "Hongyi"], ["清砚", "Qingyan"], ["长汀", "Changting"],
  ["栖霞", "Qixia"], ["瀚海", "Hanhai"], ["知微", "Zhiwei"], ["凌云", "Lingyun"], ["春和", "Chunhe"],
];

export const COMPANY_SUFFIX: Record<string, [string, string]> = {
  NE: ["新能源科技有限公司", "New Energy Technology Co., Ltd."],
  PV: ["光电材料有限公司", "Photovoltaic Materials Co., Ltd."],
  EQ: ["重工装备有限公司", "Heavy Equipment Co., Ltd."],
  NM: ["新材料股份有限公司", "New Materials Co., Ltd."],
  EI: ["半导体有限公司", "Semiconductor Co., Ltd."],
};

export const RESPONSIBLE_UNITS = ["招商一局", "招商二局", "产业发展局", "重大项目服务中心"];
export const LEADERS = ["张副主任", "刘副主任", "陈主任", "周副书记"];

/** Problems the demo projects raise: [Chinese, owner]. */
export const PROBLEM_TEXTS: [string, string][] = [
  ["110千伏专线接入需电力公司配合，送电时间未定", "园区经发局"],
  ["二期用地征拆尚有3户未签约", "街道办事处"],
  ["环评批复待省厅审查", "生态环境分局"],
  ["设备进口报关延误，影响安装进度", "园区商务局"],
  ["企业流动资金紧张，需协调银行贷款", "园区金融办"],
  ["厂区道路及雨污管网未接通", "园区建设局"],
  ["技术工人招聘缺口约200人", "园区人社局"],
  ["天然气管道压力不足，需增压站", "城投公司"],
  ["施工许可证办理材料不全", "行政审批局"],
  ["蒸汽供应价格与企业未谈妥", "园区经发局"],
  ["消防验收整改事项未完成", "应急管理分局"],
  ["配套员工宿舍建设滞后", "园区建设局"],
];
