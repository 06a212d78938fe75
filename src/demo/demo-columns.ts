// Demo catalog tree, modelled on the natural-resources basic disclosure catalog and a city land
// bureau's table of columns and responsible units (shared CATALOG.md). Update intervals follow
// its freshness rules: news 14 days, policy and notice columns 180, statistics 90, yearly 365,
// "on change" null.

export const FRESHNESS = { news: 14, policy: 180, notice: 180, stats: 90, yearly: 365, onChange: null } as const;

export interface DemoColumn {
  code: string;
  name: string;
  description: string;
  updateIntervalDays: number | null;
  /** Responsible departments, by name; a county bureau maps them with COUNTY_DEPARTMENT. */
  departments: string[];
  children?: DemoColumn[];
}

const leaf = (code: string, name: string, description: string, updateIntervalDays: number | null, departments: string[]): DemoColumn => ({
  code, name, description, updateIntervalDays, departments,
});

export const DEMO_COLUMNS: DemoColumn[] = [
  {
    code: 'jgxx', name: '机构信息', description: '机构职能、领导信息和内设机构（第二十条第一项）', updateIntervalDays: FRESHNESS.onChange, departments: ['办公室', '人事科'],
    children: [
      leaf('jgzn', '机构职能', '本机关的职能、机构设置、办公地址、办公时间、联系方式', FRESHNESS.onChange, ['办公室']),
      leaf('ldxx', '领导信息', '领导姓名、分工', FRESHNESS.onChange, ['人事科']),
      leaf('nsjg', '内设机构', '内设科室及其职责', FRESHNESS.onChange, ['人事科']),
    ],
  },
  {
    code: 'zcwj', name: '政策文件', description: '规范性文件、政策解读和其他文件（第二十条第一项）', updateIntervalDays: FRESHNESS.policy, departments: ['政策法规科', '办公室'],
    children: [
      leaf('gfxwj', '规范性文件', '本机关制定的规范性文件，印发之日起 20 个工作日内公开', FRESHNESS.policy, ['政策法规科']),
      leaf('zcjd', '政策解读', '与政策文件同步发布的解读材料', FRESHNESS.policy, ['政策法规科']),
      leaf('qtwj', '其他文件', '通知、方案、工作要点等其他文件', FRESHNESS.policy, ['办公室']),
    ],
  },
  {
    code: 'ghjh', name: '规划计划', description: '国土空间规划和年度计划（第二十条第三项）', updateIntervalDays: FRESHNESS.yearly, departments: ['国土空间规划科', '土地利用科'],
    children: [
      leaf('gtkj', '国土空间规划', '国土空间总体规划、专项规划和详细规划（含草案公示与批准公告）', FRESHNESS.onChange, ['国土空间规划科']),
      leaf('ndjh', '年度计划', '土地利用年度计划、国有建设用地供应计划', FRESHNESS.yearly, ['土地利用科']),
    ],
  },
  {
    code: 'zdxx', name: '征地信息', description: '土地征收信息（第二十一条）', updateIntervalDays: FRESHNESS.onChange, departments: ['耕地保护科'],
    children: [
      leaf('zsyg', '征收土地预公告', '拟征收土地的范围、目的、开展土地现状调查的安排', FRESHNESS.onChange, ['耕地保护科']),
      leaf('bcaz', '征地补偿安置方案', '征地补偿安置方案公告及听证告知', FRESHNESS.onChange, ['耕地保护科']),
      leaf('zsgg', '土地征收公告', '征收土地批准后的征收公告', FRESHNESS.onChange, ['耕地保护科']),
    ],
  },
  {
    code: 'tdgy', name: '土地供应', description: '国有建设用地供应信息', updateIntervalDays: FRESHNESS.notice, departments: ['土地利用科'],
    children: [
      leaf('crgg', '出让公告', '国有建设用地使用权挂牌、拍卖出让公告', FRESHNESS.onChange, ['土地利用科']),
      leaf('crjg', '出让结果', '国有建设用地使用权出让结果公示', FRESHNESS.onChange, ['土地利用科']),
      leaf('hbgd', '划拨供地', '划拨供地结果公示', FRESHNESS.onChange, ['土地利用科']),
      leaf('djxx', '地价信息', '基准地价、标定地价', FRESHNESS.onChange, ['土地利用科']),
    ],
  },
  leaf('kyq', '矿业权', '采矿权、探矿权出让公告与结果公示', FRESHNESS.onChange, ['矿产资源科']),
  leaf('dzhj', '地质灾害防治', '地质灾害防治方案、汛期预警与治理项目', FRESHNESS.onChange, ['地质环境科']),
  leaf('bdcdj', '不动产登记', '不动产首次登记、更正登记、注销登记等公告', FRESHNESS.notice, ['不动产登记中心']),
  leaf('xzzf', '行政执法', '行政处罚决定、执法依据与执法动态（个人信息已去标识化）', FRESHNESS.onChange, ['执法支队']),
  leaf('chdl', '测绘地理信息', '测绘资质、基础测绘与地图管理', FRESHNESS.onChange, ['测绘地理信息科']),
  leaf('tjsj', '统计数据', '土地供应、不动产登记、执法等统计数据', FRESHNESS.stats, ['办公室']),
  leaf('czzj', '财政资金', '部门预算、决算和政府采购', FRESHNESS.yearly, ['财务科']),
  leaf('gzdt', '工作动态', '本局和县（区）局工作动态', FRESHNESS.news, ['办公室']),
  leaf('gkzn', '公开指南', '政府信息公开指南（第十二条）', FRESHNESS.onChange, ['办公室']),
  leaf('gknb', '公开年报', '政府信息公开工作年度报告，每年 1 月 31 日前发布（第四十九条）', FRESHNESS.yearly, ['办公室']),
  leaf('ysqgk', '依申请公开', '申请方式、办理流程和答复期限（第二十七条至第三十三条）', FRESHNESS.onChange, ['办公室']),
];

/** County bureaus keep the same tree with their own 股室. */
export const COUNTY_DEPARTMENT: Record<string, string> = {
  办公室: '办公室',
  人事科: '办公室',
  政策法规科: '办公室',
  财务科: '办公室',
  国土空间规划科: '规划股',
  测绘地理信息科: '规划股',
  耕地保护科: '耕地保护股',
  土地利用科: '土地利用股',
  矿产资源科: '土地利用股',
  地质环境科: '规划股',
  不动产登记中心: '不动产登记中心',
  执法支队: '执法大队',
};
