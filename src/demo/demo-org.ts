// Demo organisation: a city bureau with two county bureaus under it, their departments and one
// account per role. Data only; demo.ts loads it through services.accounts.
import { creditCodeCheckChar } from '../core/text/identifiers.ts';
import type { AgencyInput, Role } from '../modules/accounts/index.ts';

/** One password for every demo account: meets the complexity rule (letters, digits, symbol). */
export const DEMO_PASSWORD = 'Demo@2025pass';

/** A valid unified social credit code: 11 (机关) + area code + organisation code + check char. */
export function demoCreditCode(areaCode: string, orgCode: string): string {
  const first17 = `11${areaCode}${orgCode}`;
  const check = creditCodeCheckChar(first17);
  if (first17.length !== 17 || !check) throw new Error(`invalid credit code body ${first17}`);
  return first17 + check;
}

export type DemoAgencyKey = 'city' | 'county-a' | 'county-b';

export interface DemoAgency {
  key: DemoAgencyKey;
  input: Omit<AgencyInput, 'parentAgencyId'>;
  /** Short issuer prefix of document numbers: 示自然资规〔2025〕3号. */
  docPrefix: string;
  departments: { name: string; isDisclosureOffice?: boolean }[];
  /** Leaders for the 领导信息 page: name, post, duties. */
  leaders: [string, string, string][];
}

/** Both county bureaus are organised alike. */
const COUNTY_DEPARTMENTS: DemoAgency['departments'] = [
  { name: '办公室', isDisclosureOffice: true },
  { name: '规划股' },
  { name: '耕地保护股' },
  { name: '土地利用股' },
  { name: '不动产登记中心' },
  { name: '执法大队' },
];

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    key: 'city',
    docPrefix: '示自然资',
    leaders: [
      ['钱卫国', '党组书记、局长', '主持全面工作'],
      ['赵志宏', '党组成员、副局长', '分管土地利用、耕地保护、政务公开'],
      ['孙建平', '党组成员、副局长', '分管国土空间规划、测绘地理信息'],
      ['刘红梅', '党组成员、副局长', '分管不动产登记、执法监督'],
    ],
    input: {
      code: 'city',
      name: '示例市自然资源和规划局',
      shortName: '示例市自然资源局',
      creditCode: demoCreditCode('369900', '014502117'),
      address: '示例市新城区人民大道 88 号市政务中心 B 座',
      postcode: '341000',
      officeHours: '工作日上午 8:30–12:00，下午 14:30–17:30（法定节假日除外）',
      phone: '0797-8123456',
      fax: '0797-8123457',
      email: 'gongkai@zrzy.example.gov.cn',
      website: 'https://zrzy.example.gov.cn',
      readingRooms: [
        { name: '示例市自然资源和规划局政府信息公开查阅室', address: '示例市人民大道 88 号市政务中心 B 座 1 楼 102 室', hours: '工作日 8:30–12:00，14:30–17:30' },
        { name: '示例市档案馆政府信息查阅中心', address: '示例市文化路 16 号市档案馆 1 楼', hours: '工作日 9:00–17:00' },
        { name: '示例市图书馆政府信息公开查阅点', address: '示例市滨江大道 1 号市图书馆 2 楼', hours: '每日 9:00–21:00' },
      ],
    },
    departments: [
      { name: '办公室', isDisclosureOffice: true },
      { name: '政策法规科' },
      { name: '国土空间规划科' },
      { name: '耕地保护科' },
      { name: '土地利用科' },
      { name: '矿产资源科' },
      { name: '地质环境科' },
      { name: '不动产登记中心' },
      { name: '执法支队' },
      { name: '财务科' },
      { name: '测绘地理信息科' },
      { name: '人事科' },
    ],
  },
  {
    key: 'county-a',
    docPrefix: '示县自然资',
    leaders: [['马国强', '党组书记、局长', '主持全面工作'], ['黄志远', '党组成员、副局长', '分管土地利用、耕地保护'], ['曾丽', '党组成员、副局长', '分管不动产登记、执法监督']],
    input: {
      code: 'county-a',
      name: '示例县自然资源局',
      shortName: '示例县自然资源局',
      creditCode: demoCreditCode('369921', '014610352'),
      address: '示例县城关镇解放路 20 号',
      postcode: '341100',
      officeHours: '工作日上午 8:00–12:00，下午 14:30–17:30',
      phone: '0797-6221001',
      fax: '0797-6221002',
      email: 'xxgk@zrzy.xian.example.gov.cn',
      website: 'https://www.xian.example.gov.cn/zrzy',
      readingRooms: [{ name: '示例县自然资源局信息公开查阅室', address: '示例县城关镇解放路 20 号 1 楼大厅', hours: '工作日 8:00–12:00，14:30–17:30' }],
    },
    departments: COUNTY_DEPARTMENTS,
  },
  {
    key: 'county-b',
    docPrefix: '示区自然资',
    leaders: [['邱文华', '局长', '主持全面工作'], ['田伟', '副局长', '分管规划、土地利用'], ['温敏', '副局长', '分管不动产登记、执法监督']],
    input: {
      code: 'county-b',
      name: '示例区自然资源分局',
      shortName: '示例区自然资源分局',
      creditCode: demoCreditCode('369902', '014733586'),
      address: '示例市示例区长安路 135 号',
      postcode: '341001',
      officeHours: '工作日上午 8:30–12:00，下午 14:30–17:30',
      phone: '0797-8356100',
      fax: '0797-8356101',
      email: 'xxgk@zrzy.qu.example.gov.cn',
      website: 'https://www.qu.example.gov.cn/zrzy',
      readingRooms: [{ name: '示例区政务服务中心信息公开查阅点', address: '示例区长安路 135 号区政务服务中心 1 楼', hours: '工作日 8:30–17:30' }],
    },
    departments: COUNTY_DEPARTMENTS,
  },
];

export interface DemoUser {
  agency: DemoAgencyKey;
  username: string;
  displayName: string;
  roles: Role[];
  department: string | null;
  isPrincipalLeader?: boolean;
  label: string;
}

/** Drafter and department head for every city department that owns demo items. */
const CITY_DEPARTMENT_STAFF: { dept: string; slug: string; drafter: string; head: string }[] = [
  { dept: '政策法规科', slug: 'fagui', drafter: '陈思远', head: '黄立新' },
  { dept: '国土空间规划科', slug: 'guihua', drafter: '林晓燕', head: '郭建华' },
  { dept: '耕地保护科', slug: 'gengdi', drafter: '何志强', head: '罗文斌' },
  { dept: '矿产资源科', slug: 'kuangchan', drafter: '谢雨晴', head: '韩卫东' },
  { dept: '地质环境科', slug: 'dizhi', drafter: '唐嘉怡', head: '冯国栋' },
  { dept: '不动产登记中心', slug: 'budongchan', drafter: '曹敏', head: '彭海涛' },
  { dept: '执法支队', slug: 'zhifa', drafter: '邓振宇', head: '萧明' },
  { dept: '财务科', slug: 'caiwu', drafter: '许丽娟', head: '程刚' },
  { dept: '测绘地理信息科', slug: 'cehui', drafter: '蒋涛', head: '蔡宏伟' },
  { dept: '办公室', slug: 'bangongshi', drafter: '潘悦', head: '杜永红' },
];

function countyUsers(agency: DemoAgencyKey, place: string, names: string[]): DemoUser[] {
  return [
    { agency, username: `${agency}-drafter`, displayName: names[0], roles: ['drafter'], department: '土地利用股', label: `经办人（${place}土地利用股）` },
    { agency, username: `${agency}-head`, displayName: names[1], roles: ['departmentHead'], department: '土地利用股', label: `科室负责人（${place}土地利用股）` },
    { agency, username: `${agency}-secrecy`, displayName: names[2], roles: ['confidentialityReviewer'], department: '办公室', label: `保密审查员（${place}）` },
    { agency, username: `${agency}-leader`, displayName: names[3], roles: ['leader'], department: null, isPrincipalLeader: true, label: `主要领导（${place}）` },
    { agency, username: `${agency}-officer`, displayName: names[4], roles: ['officer'], department: '办公室', label: `公开办工作人员（${place}）` },
  ];
}

export const DEMO_USERS: DemoUser[] = [
  { agency: 'city', username: 'drafter', displayName: '张明远', roles: ['drafter'], department: '土地利用科', label: '经办人（土地利用科）' },
  { agency: 'city', username: 'depthead', displayName: '李建国', roles: ['departmentHead'], department: '土地利用科', label: '科室负责人（土地利用科）' },
  { agency: 'city', username: 'secrecy', displayName: '王静', roles: ['confidentialityReviewer'], department: '办公室', label: '保密审查员（办公室）' },
  { agency: 'city', username: 'leader', displayName: '赵志宏', roles: ['leader'], department: null, label: '分管领导' },
  { agency: 'city', username: 'principal', displayName: '钱卫国', roles: ['leader'], department: null, isPrincipalLeader: true, label: '主要领导（局长）' },
  { agency: 'city', username: 'officer', displayName: '孙丽华', roles: ['officer'], department: '办公室', label: '公开办工作人员（办公室）' },
  { agency: 'city', username: 'sysadmin', displayName: '周海', roles: ['sysAdmin'], department: null, label: '系统管理员' },
  { agency: 'city', username: 'secadmin', displayName: '吴宁', roles: ['securityAdmin'], department: null, label: '安全管理员' },
  { agency: 'city', username: 'auditor', displayName: '郑洁', roles: ['auditor'], department: null, label: '安全审计员' },
  ...CITY_DEPARTMENT_STAFF.flatMap((s): DemoUser[] => [
    { agency: 'city', username: `drafter-${s.slug}`, displayName: s.drafter, roles: ['drafter'], department: s.dept, label: `经办人（${s.dept}）` },
    { agency: 'city', username: `head-${s.slug}`, displayName: s.head, roles: ['departmentHead'], department: s.dept, label: `科室负责人（${s.dept}）` },
  ]),
  ...countyUsers('county-a', '示例县局', ['刘晓东', '胡春梅', '高红', '马国强', '梁芳']),
  ...countyUsers('county-b', '示例区分局', ['宋磊', '郑丽', '袁斌', '邱文华', '夏雪']),
];
