// Deterministic, realistic catalog content for the benchmark: the kinds of item a natural-
// resources bureau publishes (shared/CATALOG.md), with place names, dates and 文号. Words such as
// 公开 and 土地 occur in most items on purpose: they are the expensive queries.
import { seededRandom } from '../src/demo/demo-content.ts';

export interface BenchColumn {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface BenchItem {
  title: string;
  docNumber: string;
  bodyText: string;
  columnCode: string;
  topic: string;
  validity: 'inForce' | 'repealed' | 'expired' | 'amended';
  publishedOn: string;
}

export const COLUMNS: BenchColumn[] = [
  { code: 'zcfg', name: '政策法规', parentCode: null },
  { code: 'gfxwj', name: '规范性文件', parentCode: 'zcfg' },
  { code: 'zcjd', name: '政策解读', parentCode: 'zcfg' },
  { code: 'gggs', name: '国土公告', parentCode: null },
  { code: 'zdxx', name: '征地信息', parentCode: 'gggs' },
  { code: 'tdjy', name: '土地交易', parentCode: 'gggs' },
  { code: 'bdcdj', name: '不动产登记结果公告', parentCode: 'gggs' },
  { code: 'kyq', name: '矿业权出让', parentCode: 'gggs' },
  { code: 'xzzf', name: '行政执法', parentCode: null },
  { code: 'djxx', name: '地价信息', parentCode: null },
  { code: 'ghjh', name: '规划计划', parentCode: null },
  { code: 'dzzh', name: '地质灾害防治', parentCode: 'ghjh' },
  { code: 'gzdt', name: '工作动态', parentCode: null },
];

const TOWNS = ['城关镇', '东城街道', '西城街道', '南湖镇', '北山乡', '青石镇', '柳河镇', '白马乡', '金沙街道', '桃源镇', '龙泉镇', '石桥乡'];
const VILLAGES = ['王家村', '李庄村', '红星村', '新河村', '张湾村', '大柳树村', '杨家岭村', '前进村', '双河村', '东岗村'];
const USES = ['住宅用地', '商服用地', '工业用地', '仓储用地', '公共管理与公共服务用地', '交通运输用地'];
const MINERALS = ['建筑用砂岩', '石灰岩', '饰面用花岗岩', '砖瓦用页岩', '地热', '矿泉水'];
const PROJECTS = ['城市道路改造工程', '产业园区基础设施项目', '中学扩建项目', '污水处理厂二期', '保障性住房项目', '高速公路连接线'];

/** The demo's seeded generator (mulberry32), so bench data is as reproducible as the demo's. */
export const createRandom = seededRandom;

type Kind = (r: Rand, place: string, village: string, year: number, date: string) => Omit<BenchItem, 'publishedOn'>;
interface Rand {
  pick<T>(list: readonly T[]): T;
  int(min: number, max: number): number;
}

const CLOSING = [
  '本信息依据《中华人民共和国政府信息公开条例》主动公开。',
  '特此公告，欢迎社会各界监督。',
  '如对公开内容有异议，可在公告之日起十个工作日内向我局书面反映。',
];

const KINDS: Kind[] = [
  (r, place, village, year) => ({
    title: `${place}${village}征收土地预公告（${year}年第${r.int(1, 40)}批次）`,
    docNumber: '',
    bodyText: `因${r.pick(PROJECTS)}建设需要，拟征收${place}${village}集体土地${r.int(2, 90)}.${r.int(10, 99)}公顷。自本公告发布之日起，任何单位和个人不得在拟征收范围内抢栽抢建；违反规定抢栽抢建的，对抢栽抢建部分不予补偿。请相关权利人在规定期限内办理补偿登记。`,
    columnCode: 'zdxx', topic: '土地征收', validity: 'inForce',
  }),
  (r, place, village, year) => ({
    title: `${place}${village}征地补偿安置方案公告`,
    docNumber: '',
    bodyText: `根据批准的征收土地方案，现将${place}${village}征地补偿安置方案予以公告。征收土地面积${r.int(1, 60)}公顷，其中农用地${r.int(1, 40)}公顷。土地补偿费和安置补助费按${year}年区片综合地价标准执行，青苗补偿按实际情况核定。被征地农民社会保障费用足额纳入征地补偿安置费用。`,
    columnCode: 'zdxx', topic: '土地征收', validity: 'inForce',
  }),
  (r, place, _v, year) => ({
    title: `国有建设用地使用权出让公告（${place}${r.pick(USES)}${year}-${r.int(1, 60)}号地块）`,
    docNumber: '',
    bodyText: `经市人民政府批准，决定以挂牌方式出让${place}一宗国有建设用地使用权。地块土地面积${r.int(3000, 90000)}平方米，土地用途为${r.pick(USES)}，出让年限${r.pick([40, 50, 70])}年，起始价${r.int(800, 9000)}万元。竞买人可于挂牌期间到市公共资源交易中心报名。`,
    columnCode: 'tdjy', topic: '土地供应', validity: 'inForce',
  }),
  (r, place, village) => ({
    title: `不动产登记公告（${place}${village}第${r.int(100, 999)}号）`,
    docNumber: '',
    bodyText: `经初步审定，我机构拟对下列不动产权利予以首次登记：坐落于${place}${village}，宗地面积${r.int(80, 600)}平方米，土地性质为宅基地。根据《不动产登记暂行条例实施细则》规定，现予公告，如有异议请于公告期内提出。`,
    columnCode: 'bdcdj', topic: '不动产登记', validity: 'inForce',
  }),
  (r, place, _v, year) => ({
    title: `${place}${r.pick(MINERALS)}矿采矿权出让公告`,
    docNumber: '',
    bodyText: `按照矿业权出让制度改革要求，以网上挂牌方式出让${place}${r.pick(MINERALS)}矿采矿权。矿区面积${r.int(1, 30)}.${r.int(10, 99)}平方千米，出让年限${r.int(3, 15)}年，出让收益起始价${r.int(200, 5000)}万元。采矿权人须依法履行矿山地质环境保护与土地复垦义务。${year}年度出让计划已公开。`,
    columnCode: 'kyq', topic: '矿产资源', validity: 'inForce',
  }),
  (r, place, _v, year) => ({
    title: `行政处罚决定书（自然资罚〔${year}〕${r.int(1, 300)}号）`,
    docNumber: `自然资罚〔${year}〕${r.int(1, 300)}号`,
    bodyText: `当事人王某某未经批准，擅自占用${place}集体土地${r.int(100, 5000)}平方米建设厂房，违反了《中华人民共和国土地管理法》规定。依法责令退还非法占用的土地，限期拆除在非法占用的土地上新建的建筑物和其他设施，并处罚款${r.int(1, 90)}万元。`,
    columnCode: 'xzzf', topic: '执法监察', validity: 'inForce',
  }),
  (r, place, _v, year) => ({
    title: `${place}${year}年度基准地价更新成果公布`,
    docNumber: '',
    bodyText: `${place}城镇基准地价更新成果已经市人民政府批准，自公布之日起执行。商服用地一级地价每平方米${r.int(2000, 9000)}元，住宅用地一级地价每平方米${r.int(1500, 7000)}元，工业用地每平方米${r.int(300, 900)}元。基准地价是土地出让、征收补偿的重要依据。`,
    columnCode: 'djxx', topic: '地价管理', validity: 'inForce',
  }),
  (r, _p, _v, year) => ({
    title: `${year}年度土地利用年度计划执行情况`,
    docNumber: '',
    bodyText: `${year}年全市下达新增建设用地计划指标${r.int(300, 2000)}公顷，实际使用${r.int(200, 1500)}公顷。坚持节约集约用地，盘活存量建设用地${r.int(50, 400)}公顷，处置批而未供土地${r.int(20, 300)}公顷，耕地保护目标全面完成。`,
    columnCode: 'ghjh', topic: '规划计划', validity: 'inForce',
  }),
  (r, place, _v, year) => ({
    title: `${place}国土空间规划（${year}—2035年）${r.pick(['草案公示', '批前公示', '批复公告'])}`,
    docNumber: '',
    bodyText: `为广泛听取社会各界意见，现将${place}国土空间总体规划予以公示。规划统筹划定耕地和永久基本农田、生态保护红线、城镇开发边界三条控制线，优化国土空间开发保护格局，公示期三十日。`,
    columnCode: 'ghjh', topic: '国土空间规划', validity: 'inForce',
  }),
  (r, place, _v, year) => ({
    title: `${year}年${place}地质灾害防治方案`,
    docNumber: '',
    bodyText: `全镇共有地质灾害隐患点${r.int(3, 60)}处，主要类型为滑坡、崩塌和泥石流。汛期实行二十四小时值班和隐患点巡查，落实群测群防责任，发布地质灾害气象风险预警后及时转移受威胁群众。`,
    columnCode: 'dzzh', topic: '地质灾害防治', validity: 'inForce',
  }),
  (r, _p, _v, year) => {
    const no = r.int(1, 30);
    return {
      title: `关于《进一步规范农村宅基地审批管理的通知》的政策解读（${year}年第${no}期）`,
      docNumber: '',
      bodyText: `一、出台背景。为保障农民合法宅基地权益，规范农村宅基地审批，节约集约利用土地。二、主要内容。明确申请条件、审批程序和办理时限。三、适用范围。全市行政区域内农村宅基地审批管理。`,
      columnCode: 'zcjd', topic: '政策法规', validity: 'inForce',
    };
  },
  (r, _p, _v, year) => {
    const no = r.int(1, 20);
    return {
      title: `关于加强耕地保护和改进占补平衡的实施意见`,
      docNumber: `示自然资规〔${year}〕${no}号`,
      bodyText: `各县（区）自然资源局，局机关各科室：为落实最严格的耕地保护制度，现就加强耕地保护和改进占补平衡提出如下意见。严格控制建设占用耕地，严禁违规占用永久基本农田。本规范性文件自印发之日起施行，有效期五年。`,
      columnCode: 'gfxwj', topic: '政策法规', validity: r.pick(['inForce', 'inForce', 'inForce', 'repealed', 'expired']),
    };
  },
  (r, place) => ({
    title: `${place}开展${r.pick(['全国土地日', '世界地球日', '测绘法宣传日'])}主题宣传活动`,
    docNumber: '',
    bodyText: `活动现场发放宣传资料${r.int(200, 3000)}份，解答群众咨询${r.int(20, 300)}人次，普及节约集约用地、不动产登记和地质灾害防治知识，进一步增强群众依法用地意识。`,
    columnCode: 'gzdt', topic: '工作动态', validity: 'inForce',
  }),
];

const START_DAY = Date.UTC(2019, 0, 1) / 86_400_000;
const END_DAY = Date.UTC(2025, 8, 25) / 86_400_000;

export function generateItem(random: () => number): BenchItem {
  const r: Rand = {
    pick: (list) => list[Math.floor(random() * list.length)]!,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
  };
  const day = r.int(START_DAY, END_DAY);
  const publishedOn = new Date(day * 86_400_000).toISOString().slice(0, 10);
  const year = Number(publishedOn.slice(0, 4));
  const item = r.pick(KINDS)(r, r.pick(TOWNS), r.pick(VILLAGES), year, publishedOn);
  // Most items end with a disclosure sentence (公开) and many carry a short appendix.
  const closing = random() < 0.9 ? r.pick(CLOSING) : '';
  return { ...item, bodyText: `${item.bodyText}${closing}发布日期：${publishedOn}。`, publishedOn };
}
