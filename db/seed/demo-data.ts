import type { DemoDataset } from "./types";

// Every figure below comes from the articles in shared/seeds/. Date conventions, applied whenever
// the article is less precise than a day (all such dates are marked estimated):
//   - a stated month ("began construction in May") → the 1st of that month;
//   - "by YEAR" → 31 December of that year;
//   - a status with no date of its own → the month of the article that reports it.

const NINGXIA = "ningxia-2022";
const NINGBO = "ningbo-2023";
const NINGXIANG = "ningxiang-2021";

export const demoData: DemoDataset = {
  // 001 (SCIO press conference on Ningxia, 2024) only restates the "200-billion-level new materials
  // cluster" ambition without a year or figures, and 002 (Shanxi new-materials plan) concerns no park
  // or project used here, so neither is listed.
  sources: [
    {
      key: NINGXIA,
      file: "000_fa207cc81c39ce02.txt",
      title: "Ningxia’s new materials industry looks toward the future",
      publisher: "chinadaily.com.cn",
      publishedOn: "2022-02-14",
      publishedOnEstimated: false,
      note:
        "Date from the page's 'Updated: February 14, 2022'; the news conference it reports was on the " +
        "preceding Friday (2022-02-11). The figures are for Ningxia's new materials industry as a whole; " +
        "the article names no city, so the park's city is set to Yinchuan (银川市), the regional capital — " +
        "an estimate.",
    },
    {
      key: NINGBO,
      file: "003_02c26d9660775e8a.txt",
      title:
        "In the first half of the year, the growth rate of industrial investment increased by 15.4% " +
        "year-on-year: Ningbo's industrial projects are increasing in quantity and quality",
      publisher: "Ningbo Life / Ningbo Expat",
      publishedOn: "2023-07-31",
      publishedOnEstimated: true,
      note:
        "The article states no year. It compares Qinbang's new capacity with 'the total output value of the " +
        "company in 2022', so it was written after 2022, and a mid-year report written in 2024 would compare " +
        "with 2023; hence 2023. The footer 'Copyright 2024' only bounds the page (no later than 2024). So " +
        "'March this year' = March 2023 and 'April next year' = April 2024. It reports first-half statistics " +
        "released 'a few days ago', which places it in late July 2023; the day is a guess.",
    },
    {
      key: NINGXIANG,
      file: "004_a5078eb8bcfadad3.txt",
      title: "Ningxiang High-tech Zone sees remarkable half-year results",
      publisher: "nxiang.net",
      publishedOn: "2021-08-23",
      publishedOnEstimated: false,
      note: "Date from the page's 'Updated: Aug 23,2021'; 'this year' in the article is 2021.",
    },
  ],

  parks: [
    {
      slug: "ningxiang-htz",
      name: "宁乡高新技术产业开发区",
      nameEn: "Ningxiang High-tech Zone",
      province: "湖南省",
      provinceEn: "Hunan",
      city: "长沙市",
      cityEn: "Changsha",
      targets: [
        {
          metric: "output_value",
          value: "100000000000",
          year: 2025,
          baseYear: 2020,
          baseValue: "59345132806",
          statedGrowthPct: "11",
          provenance: {
            source: NINGXIANG,
            estimated: true,
            quote:
              "\"by the end of 2025, the scale industrial production value will exceed 100 billion yuan (the " +
              "average annual growth target of output value is 11%)\" — base year 2020 taken from the 14th " +
              "Five-year Plan (2021-2025); base value not stated, derived as 100e9 / 1.11^5 ≈ 59.35 billion yuan.",
          },
        },
        {
          metric: "tax",
          value: "4000000000",
          year: 2025,
          baseYear: 2020,
          provenance: {
            source: NINGXIANG,
            quote:
              "\"by the end of 2025 … the industrial tax will exceed 4 billion yuan\" (14th Five-year Plan, 2021-2025).",
          },
        },
      ],
      projects: [
        {
          code: "NX-SINOBOOM",
          name: "星邦智能高空作业平台生产基地项目",
          nameEn: "Sinoboom aerial work platform production base",
          company: "湖南星邦智能装备股份有限公司",
          companyEn: "Hunan Sinoboom Intelligent Equipment Co., Ltd.",
          cluster: "智能装备制造",
          clusterEn: "Intelligent equipment manufacturing",
          stage: "production",
          health: "on_track",
          phases: [
            // The article never mentions phase I; that phases II and III exist implies it was built first.
            { name: "一期", nameEn: "Phase I", stage: "production", lines: [], capacities: [] },
            {
              name: "二期",
              nameEn: "Phase II",
              stage: "production",
              lines: [],
              capacities: [
                {
                  product: "臂式高空作业平台",
                  productEn: "Arm-type aerial work platform",
                  unit: "unit",
                  period: "month",
                  designed: "200",
                  // In trial operation only; the 200 a month is what it will make "after being put into operation".
                  online: "0",
                  provenance: {
                    source: NINGXIANG,
                    quote:
                      "\"Sinoboom Phase II was put into trial operation … After being put into operation, it will " +
                      "produce 200 arm aerial work platforms a month.\"",
                  },
                },
              ],
            },
            { name: "三期", nameEn: "Phase III", stage: "construction", lines: [], capacities: [] },
          ],
          capacities: [],
          milestones: [],
          progress: [
            {
              period: "2021-08-01",
              narrative:
                "星邦智能二期项目投入试运行，采用行业领先的自动化智能生产线，正式投产后每月可生产臂式高空作业平台200台。" +
                "园区将推进二期、三期项目建设，助力星邦智能销售收入突破100亿元。",
              narrativeEn:
                "Phase II went into trial operation on industry-leading automated, intelligent production lines; " +
                "once in operation it will make 200 arm-type aerial work platforms a month. The park will push " +
                "construction of phases II and III, helping Sinoboom's sales revenue exceed 10 billion yuan.",
              provenance: {
                source: NINGXIANG,
                estimated: true,
                quote:
                  "\"Sinoboom Phase II was put into trial operation\"; \"The construction of Sinoboom's phase II and " +
                  "III projects … will be promoted, helping its sales revenue exceed 10 billion yuan\" — undated; " +
                  "status as of the August 2021 report.",
              },
            },
          ],
          provenance: {
            source: NINGXIANG,
            quote:
              "\"The construction of Sinoboom's phase II and III projects and other major projects will be promoted\"",
          },
        },
        {
          code: "NX-WANSHSIN-REDUCER",
          name: "万鑫精工年产50万台减速机项目",
          nameEn: "Wanshsin Seikou reducer project (500,000 units a year)",
          company: "万鑫精工（湖南）股份有限公司",
          companyEn: "Wanshsin Seikou (Hunan) Co., Ltd.",
          cluster: "智能装备制造",
          clusterEn: "Intelligent equipment manufacturing",
          stage: "construction",
          health: "on_track",
          phases: [],
          capacities: [
            {
              product: "减速机",
              productEn: "Reducer",
              unit: "unit",
              period: "year",
              designed: "500000",
              online: "0",
              provenance: {
                source: NINGXIANG,
                quote:
                  "\"step up the construction of Wanshsin Seikou's reducer project with an annual output of 500,000 reducers\"",
              },
            },
          ],
          milestones: [
            {
              type: "full_capacity",
              planned: "2025-12-31",
              provenance: {
                source: NINGXIANG,
                estimated: true,
                quote:
                  "\"reducer project with an annual output of 500,000 reducers and the sales revenue of more than 10 " +
                  "billion yuan by 2025\" — read as reaching the 500,000 a year by the end of 2025.",
              },
            },
          ],
          progress: [
            {
              period: "2021-08-01",
              narrative: "园区将加快推进万鑫精工年产50万台减速机项目建设，目标到2025年销售收入超过100亿元。",
              narrativeEn:
                "The park will step up construction of Wanshsin Seikou's 500,000-unit-a-year reducer project, " +
                "aiming at sales revenue of more than 10 billion yuan by 2025.",
              provenance: {
                source: NINGXIANG,
                estimated: true,
                quote:
                  "\"It will step up the construction of Wanshsin Seikou's reducer project\" — status as of the " +
                  "August 2021 report.",
              },
            },
          ],
          provenance: {
            source: NINGXIANG,
            quote:
              "\"It will step up the construction of Wanshsin Seikou's reducer project with an annual output of " +
              "500,000 reducers and the sales revenue of more than 10 billion yuan by 2025.\"",
          },
        },
        {
          code: "NX-PENGBO-LFP",
          name: "鹏博新材料磷酸铁锂正极材料项目",
          nameEn: "Hunan Pengbo LFP cathode material project",
          company: "湖南鹏博新材料有限公司",
          companyEn: "Hunan Pengbo New Materials Co., Ltd.",
          cluster: "先进储能材料",
          clusterEn: "Advanced energy storage materials",
          stage: "production",
          health: "on_track",
          phases: [],
          capacities: [],
          milestones: [
            {
              type: "production",
              actual: "2021-07-16",
              provenance: {
                source: NINGXIANG,
                quote:
                  "\"the LFP cathode material project of Hunan Pengbo New Materials Co., Ltd. was put into trial " +
                  "production on July 16\"",
              },
            },
          ],
          progress: [
            {
              period: "2021-07-01",
              narrative:
                "湖南鹏博新材料有限公司磷酸铁锂正极材料项目于7月16日投入试生产，补齐了长沙先进储能材料产业链的薄弱环节。",
              narrativeEn:
                "Hunan Pengbo's LFP cathode material project went into trial production on July 16, strengthening " +
                "a weak link in Changsha's advanced energy storage materials chain.",
              provenance: {
                source: NINGXIANG,
                quote:
                  "\"was put into trial production on July 16, which improves the weak links of the advanced energy " +
                  "storage material industrial chain in Changsha\"",
              },
            },
          ],
          provenance: {
            source: NINGXIANG,
            quote:
              "\"As an upstream enterprise of advanced energy storage material industry in Ningxiang High-tech Zone, " +
              "the LFP cathode material project of Hunan Pengbo New Materials Co., Ltd.\"",
          },
        },
        {
          code: "NX-BYD-BATTERY",
          name: "比亚迪动力电池项目",
          nameEn: "BYD power battery project",
          company: "比亚迪股份有限公司",
          companyEn: "BYD Company Limited",
          cluster: "先进储能材料",
          clusterEn: "Advanced energy storage materials",
          stage: "production",
          health: "on_track",
          phases: [
            {
              name: "一期",
              nameEn: "Phase I",
              stage: "production",
              lines: (["1", "2", "3", "4"] as const).map((n) => ({
                name: `${n}号刀片电池生产线`,
                nameEn: `Blade battery line ${n}`,
                capacities: [
                  {
                    product: "刀片电池",
                    productEn: "Blade battery",
                    unit: "piece" as const,
                    period: "day" as const,
                    designed: "10000",
                    online: "10000",
                    provenance: {
                      source: NINGXIANG,
                      estimated: true,
                      quote:
                        "\"Four 'blade battery' production lines … have been fully put into production, with a daily " +
                        "output of more than 40,000 blade batteries\" — the 40,000 a day is split evenly over the " +
                        "four lines (not stated), and actual output stands in for the unstated design capacity.",
                    },
                  },
                ],
              })),
              capacities: [],
            },
          ],
          capacities: [],
          milestones: [],
          progress: [
            {
              period: "2021-08-01",
              narrative:
                "比亚迪动力电池（一期）4条“刀片电池”生产线已全面投产，日产刀片电池4万片以上，每6秒即可下线一片刀片电池，生产技术和装备行业领先。",
              narrativeEn:
                "All four blade-battery lines of BYD's power battery project (phase I) are in production, turning " +
                "out more than 40,000 blade batteries a day — one every six seconds — with industry-leading " +
                "technology and equipment.",
              provenance: {
                source: NINGXIANG,
                estimated: true,
                quote:
                  "\"Four 'blade battery' production lines of BYD's power battery (Phase I) have been fully put into " +
                  "production, with a daily output of more than 40,000 blade batteries\" — undated; status as of the " +
                  "August 2021 report.",
              },
            },
          ],
          provenance: {
            source: NINGXIANG,
            quote:
              "\"Four 'blade battery' production lines of BYD's power battery (Phase I) have been fully put into production\"",
          },
        },
        {
          code: "NX-SHINZOOM-CATHODE",
          name: "翔丰华年产5万吨锂电池正极材料生产基地项目",
          nameEn: "Shinzoom Technology 50,000-ton lithium battery cathode materials production base",
          // 翔丰华 is best known for graphite anode materials; the article says cathode, kept as reported.
          company: "深圳市翔丰华科技股份有限公司",
          companyEn: "Shenzhen Shinzoom Technology Co., Ltd.",
          cluster: "先进储能材料",
          clusterEn: "Advanced energy storage materials",
          stage: "signed",
          health: "on_track",
          phases: [],
          capacities: [
            {
              product: "锂电池正极材料",
              productEn: "Lithium battery cathode materials",
              unit: "t",
              period: "year",
              designed: "50000",
              online: "0",
              provenance: {
                source: NINGXIANG,
                estimated: true,
                quote:
                  "\"Shinzoom Technology's 50,000-ton production base for lithium battery cathode materials\" — " +
                  "\"per year\" is not stated, only implied.",
              },
            },
          ],
          milestones: [],
          progress: [
            {
              period: "2021-06-01",
              narrative:
                "上半年园区新签约29个项目，合同投资近70亿元。三一操作室及驾驶室项目和翔丰华5万吨锂电池正极材料生产基地项目由上市公司直接投资10亿元（文中未按项目拆分）。",
              narrativeEn:
                "Signed in the first half of 2021, one of 29 new projects with contracted investment of nearly 7 " +
                "billion yuan. It and Sany's operating and driver cab project together are described as directly " +
                "invested by listed companies with 1 billion yuan; the article does not split that amount.",
              provenance: {
                source: NINGXIANG,
                estimated: true,
                quote:
                  "\"It signed 29 new projects with the contracted investment of nearly 7 billion yuan. Sany's " +
                  "operating and driver cabs and Shinzoom Technology's 50,000-ton production base … were directly " +
                  "invested by listed companies with 1 billion yuan.\" — signed in H1 2021, month not stated.",
              },
            },
          ],
          provenance: {
            source: NINGXIANG,
            quote:
              "\"Sany's operating and driver cabs and Shinzoom Technology's 50,000-ton production base for lithium " +
              "battery cathode materials were directly invested by listed companies with 1 billion yuan\" — the 1 " +
              "billion covers both projects, so none of it is attributed to this one.",
          },
        },
        {
          code: "NX-SANY-TOWERCRANE",
          name: "三一塔机重点项目",
          nameEn: "Sany Tower Crane key project",
          company: "湖南三一塔式起重机械有限公司",
          companyEn: "Sany Tower Crane",
          cluster: "智能装备制造",
          clusterEn: "Intelligent equipment manufacturing",
          stage: "construction",
          health: "on_track",
          phases: [],
          capacities: [],
          milestones: [],
          progress: [
            {
              period: "2021-08-01",
              narrative: "园区将加快三一塔机等重点项目建设，推动三一（宁乡）基地销售收入到2025年达到500亿元。",
              narrativeEn:
                "The park will speed up construction of key projects including Sany Tower Crane, to raise the " +
                "sales revenue of Sany's Ningxiang base to 50 billion yuan by 2025.",
              provenance: {
                source: NINGXIANG,
                estimated: true,
                quote:
                  "\"the construction of key projects including Sany Tower Crane and Sany Medium Lifting Machinery " +
                  "will be accelerated\" — status as of the August 2021 report.",
              },
            },
          ],
          provenance: {
            source: NINGXIANG,
            quote:
              "\"the construction of key projects including Sany Tower Crane and Sany Medium Lifting Machinery will " +
              "be accelerated to increase the sales revenue of Sany (Ningxiang) Base to 50 billion yuan by 2025\"",
          },
        },
        {
          code: "NX-SANY-MEDLIFT",
          name: "三一中起重点项目",
          nameEn: "Sany Medium Lifting Machinery key project",
          company: "湖南三一中型起重机械有限公司",
          companyEn: "Sany Medium Lifting Machinery",
          cluster: "智能装备制造",
          clusterEn: "Intelligent equipment manufacturing",
          stage: "construction",
          health: "on_track",
          phases: [],
          capacities: [],
          milestones: [],
          progress: [
            {
              period: "2021-08-01",
              narrative: "园区将加快三一中起等重点项目建设，推动三一（宁乡）基地销售收入到2025年达到500亿元。",
              narrativeEn:
                "The park will speed up construction of key projects including Sany Medium Lifting Machinery, to " +
                "raise the sales revenue of Sany's Ningxiang base to 50 billion yuan by 2025.",
              provenance: {
                source: NINGXIANG,
                estimated: true,
                quote:
                  "\"the construction of key projects including Sany Tower Crane and Sany Medium Lifting Machinery " +
                  "will be accelerated\" — status as of the August 2021 report.",
              },
            },
          ],
          provenance: {
            source: NINGXIANG,
            quote:
              "\"the construction of key projects including Sany Tower Crane and Sany Medium Lifting Machinery will " +
              "be accelerated to increase the sales revenue of Sany (Ningxiang) Base to 50 billion yuan by 2025\"",
          },
        },
      ],
    },

    {
      slug: "qianwan-new-area",
      name: "前湾新区",
      nameEn: "Qianwan New Area",
      province: "浙江省",
      provinceEn: "Zhejiang",
      city: "宁波市",
      cityEn: "Ningbo",
      targets: [],
      projects: [
        {
          code: "QW-QINBANG-PV",
          name: "太阳能光伏背板膜产业化基地项目",
          nameEn: "Solar PV backsheet film industrialization base",
          company: "宁波勤邦新材料科技有限公司",
          companyEn: "Ningbo Qinbang New Material Technology Co., Ltd.",
          cluster: "新材料",
          clusterEn: "New materials",
          stage: "construction",
          health: "on_track",
          phases: [
            {
              // The article names no phases; lines must hang off one, so the whole build is a single phase.
              name: "项目整体",
              nameEn: "Whole project",
              stage: "construction",
              lines: (["1", "2", "3", "4"] as const).map((n) => ({
                name: `${n}号线`,
                nameEn: `Line ${n}`,
                capacities: [
                  {
                    product: "太阳能光伏背板膜",
                    productEn: "Solar PV backsheet film",
                    unit: "m2" as const,
                    period: "year" as const,
                    designed: "120000000",
                    online: "0",
                    provenance: {
                      source: NINGBO,
                      estimated: true,
                      quote:
                        "\"will gradually complete the construction of four production lines … annual output of 480 " +
                        "million square meters of solar backsheet film\" — the 480 million is split evenly over the " +
                        "four lines; the split is not stated.",
                    },
                  },
                ],
              })),
              capacities: [],
            },
          ],
          capacities: [],
          milestones: [
            {
              type: "construction_start",
              actual: "2023-03-01",
              provenance: {
                source: NINGBO,
                estimated: true,
                quote:
                  "\"the solar photovoltaic backsheet film industrialization base project, which started in March " +
                  "this year\" — day not stated; year inferred (see source note).",
              },
            },
            {
              type: "production",
              planned: "2024-04-01",
              provenance: {
                source: NINGBO,
                estimated: true,
                quote:
                  "\"It is expected that in April next year, our solar photovoltaic backsheet film industrialization " +
                  "base project will usher in the official launch of the first new production line.\" — day not " +
                  "stated; year inferred.",
              },
            },
            {
              type: "custom",
              customLabel: "全部产线投产",
              planned: "2027-12-31",
              provenance: {
                source: NINGBO,
                estimated: true,
                quote: "\"After all production is put into operation by 2027\" — taken as the end of 2027.",
              },
            },
          ],
          progress: [
            {
              period: "2023-03-01",
              narrative: "太阳能光伏背板膜产业化基地项目3月开工，按计划将逐步建成4条生产线。",
              narrativeEn:
                "Construction of the solar PV backsheet film industrialization base started in March; four " +
                "production lines are to be completed step by step.",
              provenance: {
                source: NINGBO,
                estimated: true,
                quote:
                  "\"which started in March this year, will gradually complete the construction of four production " +
                  "lines\" — year inferred.",
              },
            },
            {
              // The ~600 million is the company's existing output, not this project's (still being built), so it
              // stays in the narrative rather than outputValue, which would count it in the park's rollups.
              period: "2023-06-01",
              narrative:
                "受订单涌入带动，勤邦新材料上半年完成产值近6亿元（公司整体），同比增长近50%。项目首条新产线预计明年4月正式投产，2027年前全部投产，" +
                "届时年产太阳能背板膜4.8亿平方米，约为公司2022年总产值的3倍。",
              narrativeEn:
                "Driven by a flood of orders, Qinbang New Materials (the company as a whole) completed output value of " +
                "nearly 600 million yuan in the first half, up nearly 50% year on year. The project's first new line " +
                "is expected in April next year and all lines by 2027, for 480 million m² of backsheet film a year — " +
                "about three times the company's 2022 output value.",
              provenance: {
                source: NINGBO,
                estimated: true,
                quote:
                  "\"in the first half of the year, Qinbang New Materials completed an output value of nearly 600 " +
                  "million yuan, an increase of nearly 50% compared with the same period last year\" — \"nearly\"; " +
                  "year inferred.",
              },
            },
          ],
          provenance: {
            source: NINGBO,
            estimated: true,
            quote:
              "\"the solar photovoltaic backsheet film industrialization base project, which started in March this " +
              "year, will gradually complete the construction of four production lines\" — the article does not name " +
              "the park; placed in Qianwan New Area as an assumption.",
          },
        },
        {
          code: "QW-JUNJIA",
          // "292 acres" is most likely 292 mu (亩) machine-translated; the area is kept out of the Chinese text.
          name: "君嘉电器厨房小家电新项目",
          nameEn: "Junjia Electric Appliance new project (kitchen small appliances)",
          company: "宁波君嘉电器有限公司",
          companyEn: "Ningbo Junjia Electric Appliance Co., Ltd.",
          cluster: "智能家电",
          clusterEn: "Smart home appliances",
          stage: "construction",
          health: "on_track",
          phases: [],
          capacities: [],
          milestones: [
            {
              type: "construction_start",
              actual: "2023-05-01",
              provenance: {
                source: NINGBO,
                estimated: true,
                quote:
                  "\"In May this year, Junjia Electric Appliances' new project covering an area of 292 acres began " +
                  "construction in Qianwan New District.\" — day not stated; year inferred.",
              },
            },
          ],
          progress: [
            {
              period: "2023-05-01",
              narrative: "君嘉电器新项目在前湾新区开工建设，将聚焦空气炸锅等厨房小家电，推动传统家电产品迭代升级，抢占高端市场。",
              narrativeEn:
                "Junjia Electric Appliance's new 292-acre project began construction in Qianwan New Area. It will " +
                "focus on kitchen small appliances such as air fryers, upgrading traditional products to win new " +
                "areas and high-end markets.",
              provenance: {
                source: NINGBO,
                estimated: true,
                quote:
                  "\"In May this year, Junjia Electric Appliances' new project covering an area of 292 acres began " +
                  "construction in Qianwan New District\" — year inferred.",
              },
            },
          ],
          provenance: {
            source: NINGBO,
            quote:
              "\"Junjia Electric Appliances' new project covering an area of 292 acres began construction in Qianwan " +
              "New District\"",
          },
        },
        {
          code: "QW-HANKE",
          name: "汉科医疗器械生产基地及研发中心项目",
          nameEn: "Hanke Medical Device production base and R&D center",
          company: "汉科医疗器械",
          companyEn: "Hanke Medical Device",
          cluster: "医疗器械",
          clusterEn: "Medical devices",
          stage: "construction",
          health: "on_track",
          phases: [],
          capacities: [],
          milestones: [
            {
              type: "construction_start",
              actual: "2023-01-01",
              provenance: {
                source: NINGBO,
                estimated: true,
                quote:
                  "\"In Qianwan New Area, Hanke Medical Device Production Base and R&D Center Project was launched in " +
                  "January.\" — day not stated; year inferred.",
              },
            },
          ],
          progress: [
            {
              period: "2023-01-01",
              narrative:
                "汉科医疗器械生产基地及研发中心项目在前湾新区启动，将生产胰岛素泵相关耗材、牙科根管治疗系统（牙胶尖）等医疗产品，并设立研发中心，预计集聚200名以上高端研发技术人员。",
              narrativeEn:
                "The Hanke Medical Device production base and R&D center was launched in Qianwan New Area. It will " +
                "make insulin pump consumables and root canal treatment systems such as dental gutta-percha points, " +
                "and its R&D center is expected to bring together more than 200 senior R&D staff.",
              provenance: {
                source: NINGBO,
                estimated: true,
                quote:
                  "\"was launched in January … expected to gather more than 200 high-end R&D technical personnel\" — " +
                  "year inferred.",
              },
            },
          ],
          provenance: {
            source: NINGBO,
            quote:
              "\"In Qianwan New Area, Hanke Medical Device Production Base and R&D Center Project was launched in January.\"",
          },
        },
      ],
    },

    {
      slug: "yinzhou",
      name: "鄞州区",
      nameEn: "Yinzhou District",
      province: "浙江省",
      provinceEn: "Zhejiang",
      city: "宁波市",
      cityEn: "Ningbo",
      targets: [],
      projects: [
        {
          code: "YZ-SHANSHAN-SIANODE",
          name: "杉杉锂电年产4万吨锂离子电池硅基负极材料一体化基地项目",
          nameEn: "Shanshan 40,000 t/year lithium-ion battery silicon-based anode material integration base",
          company: "宁波杉杉股份有限公司",
          companyEn: "Ningbo Shanshan Co., Ltd. (Shanshan lithium battery)",
          cluster: "新材料",
          clusterEn: "New materials",
          stage: "construction",
          health: "on_track",
          plannedInvestment: "5000000000",
          investmentProvenance: {
            planned: {
              source: NINGBO,
              estimated: true,
              quote:
                "\"After all projects with a total investment of about 5 billion yuan are put into operation\" — \"about\".",
            },
          },
          phases: [],
          capacities: [
            {
              product: "锂离子电池硅基负极材料",
              productEn: "Lithium-ion battery silicon-based anode material",
              unit: "t",
              period: "year",
              designed: "40000",
              online: "0",
              provenance: {
                source: NINGBO,
                quote:
                  "\"the Shanshan lithium battery annual output of 40,000 tons of lithium-ion battery silicon-based " +
                  "anode material integration base project is in full swing\"",
              },
            },
          ],
          milestones: [],
          progress: [
            {
              period: "2023-07-01",
              narrative: "项目建设如火如荼。总投资约50亿元的项目全部投产后，鄞州将成为杉杉锂电最大的硅基一体化基地。",
              narrativeEn:
                "Construction is in full swing. Once the whole project, with total investment of about 5 billion " +
                "yuan, is in operation, Yinzhou will be Shanshan's largest silicon-based integrated base.",
              provenance: {
                source: NINGBO,
                estimated: true,
                quote:
                  "\"is in full swing. After all projects with a total investment of about 5 billion yuan are put into " +
                  "operation, Yinzhou will become the largest silicon-based integrated base of Shanshan lithium " +
                  "battery\" — status as of the article, whose date is estimated.",
              },
            },
          ],
          provenance: {
            source: NINGBO,
            quote:
              "\"In Yinzhou, the Shanshan lithium battery annual output of 40,000 tons of lithium-ion battery " +
              "silicon-based anode material integration base project is in full swing.\"",
          },
        },
      ],
    },

    {
      slug: "ningxia-new-materials",
      name: "宁夏新材料产业集群",
      nameEn: "Ningxia New Materials Industry Cluster",
      province: "宁夏回族自治区",
      provinceEn: "Ningxia Hui Autonomous Region",
      // Not stated: the cluster is region-wide; Yinchuan, the capital, is an estimate (see the source note).
      city: "银川市",
      cityEn: "Yinchuan",
      targets: [
        {
          metric: "output_value",
          value: "200000000000",
          year: 2025,
          baseYear: 2020,
          statedGrowthPct: "20",
          provenance: {
            source: NINGXIA,
            estimated: true,
            quote:
              "\"looking to achieve an output value of more than 200 billion yuan … by 2025, with an average annual " +
              "growth rate of about 20 percent\" — growth is \"about\"; base year 2020 assumed from the 14th " +
              "Five-Year Plan. No base value: the article gives only 2021's \"exceeding 120 billion yuan\".",
          },
        },
        {
          metric: "investment",
          value: "150000000000",
          year: 2025,
          baseYear: 2020,
          statedGrowthPct: "10",
          provenance: {
            source: NINGXIA,
            quote:
              "\"Ningxia will complete fixed assets investment of more than 150 billion yuan in the field, with an " +
              "average annual growth rate of more than 10 percent, during the 14th Five-Year Plan (2021-25)\" — " +
              "cumulative over 2021-25.",
          },
        },
      ],
      projects: [],
    },
  ],
};
