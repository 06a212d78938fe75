// Demo items: land acquisition (征地, 第二十一条) and land supply (出让, 划拨, 地价).
import {
  between, cnDate, companyName, docNumber, LAND_USES, laterDate, paragraphs, pick, spreadDates, table, TOPICS,
  type DemoContext, type DemoItemSpec,
} from './demo-content.ts';

const VILLAGES = ['东风村', '河背村', '新塘村', '龙岗村', '长富村', '石门村', '樟树村', '黄屋村', '上坪村', '杨梅村', '沙坝村', '埠头村'];
const PURPOSES = [
  '城镇建设用地批次实施', '示例大道（北段）道路工程建设', '示例市第三中学新建项目', '高新区产业园基础设施建设',
  '城东片区棚户区改造安置房建设', '城南污水处理厂扩建工程', '高铁站综合交通枢纽配套道路建设', '乡镇卫生院迁建项目',
];
const DIRECTIONS = ['村道', '河堤', '山脚', '国道 G323', '集体林地', '水渠', '规划路', '现状农田'];

const village = (ctx: DemoContext) => `${pick(ctx, ctx.org.townships)}${pick(ctx, VILLAGES)}`;
const bounds = (ctx: DemoContext) => `东至${pick(ctx, DIRECTIONS)}，西至${pick(ctx, DIRECTIONS)}，南至${pick(ctx, DIRECTIONS)}，北至${pick(ctx, DIRECTIONS)}`;
const hectares = (ctx: DemoContext) => (between(ctx, 120, 4800) / 100).toFixed(2);

function preAnnouncements(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const where = village(ctx);
    const purpose = pick(ctx, PURPOSES);
    const area = hectares(ctx);
    const end = laterDate(writtenOn, 14);
    return {
      key: `zsyg-${i}`, column: 'zsyg', department: '耕地保护科', topic: TOPICS.land, writtenOn,
      title: `关于${where}拟征收土地的预公告`,
      docNumber: docNumber(ctx, '征预', writtenOn),
      summary: `因${purpose}需要，拟征收${where}集体土地约${area}公顷，现开展土地现状调查。`,
      bodyHtml: paragraphs(
        `因${purpose}需要，根据《中华人民共和国土地管理法》第四十七条和《中华人民共和国土地管理法实施条例》第二十六条的规定，${ctx.org.place}人民政府拟征收${where}集体土地。现将有关事项预公告如下：`,
        `一、征收范围。拟征收土地位于${where}，${bounds(ctx)}，面积约${area}公顷（具体以勘测定界成果为准）。`,
        `二、征收目的。${purpose}，属于《中华人民共和国土地管理法》第四十五条第一款规定的公共利益需要。`,
        `三、土地现状调查安排。自本公告发布之日起，由乡镇人民政府会同${ctx.org.shortName}组织开展拟征收土地现状调查，调查内容包括土地的权属、地类、面积，以及农村村民住宅、其他地上附着物和青苗的权属、种类、数量等情况。请相关权利人予以配合。`,
        '四、自本公告发布之日起，任何单位和个人不得在拟征收范围内抢栽抢建；违反规定抢栽抢建的，对抢栽抢建部分不予补偿。',
        `五、本公告期限为十个工作日，自${cnDate(writtenOn)}起至${cnDate(end)}止。`,
        `联系电话：${ctx.org.phone}（${ctx.org.shortName}耕地保护科）。`,
        `特此公告。`,
        `${ctx.org.name}\u3000${cnDate(writtenOn)}`,
      ),
    };
  });
}

function compensationPlans(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const where = village(ctx);
    const price = pick(ctx, [52800, 56300, 61200, 64500, 70100]);
    const rows = Array.from({ length: between(ctx, 2, 4) }, (_, k) => {
      const mu = between(ctx, 12, 160);
      const kind = pick(ctx, ['水田', '旱地', '林地', '园地', '坑塘水面']);
      return [`${where}第${k + 1}村民小组`, kind, mu, price, (mu * price).toLocaleString('zh-CN')];
    });
    return {
      key: `bcaz-${i}`, column: 'bcaz', department: '耕地保护科', topic: TOPICS.land, writtenOn,
      title: `${where}征地补偿安置方案公告`,
      docNumber: docNumber(ctx, '征补', writtenOn),
      summary: `公布${where}拟征收土地的补偿标准、安置方式和社会保障措施，公告期三十日，可申请听证。`,
      bodyHtml: paragraphs(
        `${where}拟征收土地的现状调查和社会稳定风险评估已经完成。根据《中华人民共和国土地管理法》第四十七条、第四十八条和《中华人民共和国土地管理法实施条例》第二十七条的规定，现将征地补偿安置方案公告如下：`,
        `一、补偿标准。征收农用地的土地补偿费和安置补助费按${ctx.org.place}区片综合地价${price}元/亩执行；农村村民住宅按照先补偿后搬迁、居住条件有改善的原则予以安置或者货币补偿；其他地上附着物和青苗按《${ctx.org.place}征收土地地上附着物和青苗补偿标准》执行。`,
        '二、社会保障。被征地农民按规定纳入基本养老保险，所需社会保障费用在征地补偿安置费用中单独列支，足额存入专户。',
        '三、公告期。本方案公告期为三十日。过半数被征地的农村集体经济组织成员认为方案不符合法律、法规规定的，将组织听证；有关当事人可在公告期内书面申请听证。',
      ) + table('征收土地补偿明细', ['村组', '地类', '面积（亩）', '标准（元/亩）', '补偿金额（元）'], rows),
    };
  });
}

function acquisitionNotices(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const where = village(ctx);
    const year = writtenOn.slice(0, 4);
    return {
      key: `zsgg-${i}`, column: 'zsgg', department: '耕地保护科', topic: TOPICS.land, writtenOn,
      title: `${ctx.org.place}${year}年度第${i + 1}批次土地征收公告`,
      docNumber: docNumber(ctx, '征告', writtenOn),
      summary: `征收${where}等地集体土地已获批准，公告征收范围、补偿安置和救济途径。`,
      bodyHtml: paragraphs(
        `经省人民政府批准（批准文号：示府土征〔${year}〕${between(ctx, 10, 90)}号），征收${where}等地集体土地${hectares(ctx)}公顷，用于${ctx.org.place}${year}年度城镇建设。`,
        '征地补偿安置方案已于批准前公告，补偿费用已足额到位。被征收土地的所有权人、使用权人应在本公告规定的期限内，持不动产权属证明材料办理补偿登记。',
        '对本公告不服的，可以自公告之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。',
      ),
    };
  });
}

/** Parcel numbers run per year so that announcements and results never collide. */
function parcelCode(ctx: DemoContext, year: string): string {
  const key = `parcel/${year}`;
  const n = (ctx.numbers.get(key) ?? 0) + between(ctx, 1, 3);
  ctx.numbers.set(key, n);
  return `${year}-${ctx.org.docPrefix === '示自然资' ? 'SL' : 'XL'}-${String(n).padStart(2, '0')}`;
}

function transferAnnouncements(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const year = writtenOn.slice(0, 4);
    const parcels = Array.from({ length: between(ctx, 1, 3) }, () => {
      const area = between(ctx, 3000, 68000);
      const price = Math.round((area * between(ctx, 600, 4200)) / 10000);
      return [parcelCode(ctx, year), `${pick(ctx, ctx.org.townships)}${pick(ctx, ['大道东侧', '路北侧', '片区', '新区'])}`, area, pick(ctx, LAND_USES), `${(between(ctx, 10, 30) / 10).toFixed(1)}`, price, Math.round(price * 0.2)];
    });
    const start = laterDate(writtenOn, 20);
    return {
      key: `crgg-${i}`, column: 'crgg', department: '土地利用科', topic: TOPICS.land, writtenOn,
      title: `${ctx.org.shortName}国有建设用地使用权挂牌出让公告（${parcels[0][0]}${parcels.length > 1 ? `等${parcels.length}宗` : ''}地块）`,
      docNumber: docNumber(ctx, '告字', writtenOn),
      summary: `以挂牌方式出让${parcels.length}宗国有建设用地使用权，挂牌起始时间${cnDate(start)}。`,
      bodyHtml: paragraphs(
        `经${ctx.org.place}人民政府批准，${ctx.org.name}决定以挂牌方式出让${parcels.length}宗国有建设用地使用权。现将有关事项公告如下：`,
        '一、挂牌出让地块的基本情况和规划指标要求见下表。',
      ) + table('挂牌出让地块', ['地块编号', '位置', '面积（平方米）', '用途', '容积率上限', '起始价（万元）', '竞买保证金（万元）'], parcels) + paragraphs(
        '二、中华人民共和国境内外的法人、自然人和其他组织均可申请参加，申请人可以单独申请，也可以联合申请。',
        '三、本次国有建设用地使用权挂牌出让按照价高者得原则确定竞得人。',
        `四、竞买人可于公告之日起至${cnDate(start)}前登录${ctx.org.place}公共资源交易中心网站获取挂牌出让文件，提交书面申请并交纳竞买保证金。`,
        `五、挂牌时间：${cnDate(start)}至${cnDate(laterDate(start, 10))}。`,
        `联系电话：${ctx.org.phone}。`,
      ),
    };
  });
}

function transferResults(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const year = writtenOn.slice(0, 4);
    const code = parcelCode(ctx, year);
    const area = between(ctx, 3000, 68000);
    const price = Math.round((area * between(ctx, 800, 5000)) / 10000);
    return {
      key: `crjg-${i}`, column: 'crjg', department: '土地利用科', topic: TOPICS.land, writtenOn,
      title: `国有建设用地使用权出让结果公示（${code}地块）`,
      docNumber: '',
      summary: `${code}地块挂牌出让成交，成交价${price}万元。`,
      bodyHtml: paragraphs(`根据《招标拍卖挂牌出让国有建设用地使用权规定》，现将${code}地块国有建设用地使用权挂牌出让结果公示如下：`)
        + table('出让结果', ['地块编号', '面积（平方米）', '用途', '出让年限', '成交价（万元）', '竞得人'], [[code, area, pick(ctx, LAND_USES), pick(ctx, ['40年', '50年', '70年']), price, companyName(ctx)]])
        + paragraphs('公示期为十个工作日。对公示内容有异议的，请在公示期内以书面形式向本局土地利用科反映。'),
    };
  });
}

const PROJECTS = ['第三人民医院迁建', '城南污水处理厂二期', '公安局交通指挥中心', '示例大道拓宽工程', '第五小学新建', '应急避难场所建设', '城北公交首末站', '体育中心全民健身馆', '高铁站站前广场', '生活垃圾焚烧发电厂配套道路', '消防救援站新建', '老年养护院'];

function allocations(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const project = `${ctx.org.place}${pick(ctx, PROJECTS)}`;
    return {
      key: `hbgd-${i}`, column: 'hbgd', department: '土地利用科', topic: TOPICS.land, writtenOn,
      title: `${project}项目划拨供地结果公示`,
      docNumber: '',
      summary: `${project}项目以划拨方式供地，公示用地单位、位置、面积和用途。`,
      bodyHtml: paragraphs(`根据《中华人民共和国土地管理法》第五十四条和《划拨用地目录》，下列项目以划拨方式供应国有建设用地，现予公示：`)
        + table('划拨供地结果', ['用地单位', '项目名称', '面积（平方米）', '用途', '供地方式', '批准日期'], [[`${ctx.org.place}${pick(ctx, ['城市建设投资有限公司', '卫生健康委员会', '教育局', '住房和城乡建设局'])}`, project, between(ctx, 2000, 45000), pick(ctx, ['公共设施用地', '医疗卫生用地', '教育用地', '交通运输用地']), '划拨', cnDate(writtenOn)]])
        + paragraphs('公示期为五个工作日，如有异议请向本局土地利用科书面反映。'),
    };
  });
}

function landPrices(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => ({
    key: `djxx-${i}`, column: 'djxx', department: '土地利用科', topic: TOPICS.land, writtenOn,
    title: i === 0 ? `${ctx.org.place}城区基准地价更新成果公布` : `${ctx.org.place}${writtenOn.slice(0, 4)}年度标定地价公示`,
    docNumber: docNumber(ctx, '发', writtenOn),
    summary: '公布城区商服、住宅、工业用地各级别基准地价，估价期日为当年 1 月 1 日。',
    bodyHtml: paragraphs(`${ctx.org.place}城区基准地价更新工作已通过省级验收，经${ctx.org.place}人民政府同意，现予公布，自公布之日起施行。`)
      + table('城区基准地价（元/平方米）', ['级别', '商服用地', '住宅用地', '工业用地'], [1, 2, 3, 4, 5].map((lvl) => [`${lvl}级`, 5200 - lvl * 700, 4100 - lvl * 520, 620 - lvl * 60]))
      + paragraphs('基准地价内涵：土地开发程度为宗地红线外“五通”和红线内场地平整，使用年期为法定最高出让年限。'),
  }));
}

function planningItems(ctx: DemoContext): DemoItemSpec[] {
  const [a, b, c, d, e, f, g] = spreadDates(ctx, 7);
  const place = ctx.org.place;
  return [
    { key: 'gtkj-draft', column: 'gtkj', department: '国土空间规划科', topic: TOPICS.planning, writtenOn: a, isMajor: true, docNumber: '', title: `《${place}国土空间总体规划（2021—2035年）》（草案）公示`, summary: '公开征求社会公众对国土空间总体规划草案的意见，公示期三十日。', bodyHtml: paragraphs(`为提高规划编制的科学性和民主性，根据《中华人民共和国城乡规划法》第二十六条，现将《${place}国土空间总体规划（2021—2035年）》（草案）予以公示，公示期三十日。`, '规划草案明确了耕地和永久基本农田、生态保护红线、城镇开发边界三条控制线，统筹农业、生态、城镇空间布局。', '公众可通过书面信函、电子邮件或现场留言等方式提出意见和建议。') },
    { key: 'gtkj-approved', column: 'gtkj', department: '国土空间规划科', topic: TOPICS.planning, writtenOn: d, isMajor: true, docNumber: docNumber(ctx, '发', d), title: `关于《${place}国土空间总体规划（2021—2035年）》获批的公告`, summary: '国土空间总体规划经省人民政府批准，公布规划文本、图件和主要内容。', bodyHtml: paragraphs(`《${place}国土空间总体规划（2021—2035年）》已经省人民政府批准，现予公告。`, '规划是本行政区域国土空间保护、开发、利用、修复的政策和总纲，是编制详细规划、实施国土空间用途管制的依据。', '规划文本和图件可在本局政府信息公开查阅室查阅。') },
    { key: 'gtkj-kg', column: 'gtkj', department: '国土空间规划科', topic: TOPICS.planning, writtenOn: b, docNumber: '', title: `${place}城东片区控制性详细规划（修改）批前公示`, summary: '城东片区部分地块用地性质和容积率调整，批前公示三十日。', bodyHtml: paragraphs('为完善城东片区公共服务设施配套，拟对片区内 DQ-07、DQ-09 地块的控制性详细规划进行修改。', '主要修改内容：DQ-07 地块用地性质由商业用地调整为教育用地；DQ-09 地块容积率由 2.5 调整为 2.2。', '利害关系人可在公示期内提出书面意见，必要时将组织听证。') },
    { key: 'gtkj-ls', column: 'gtkj', department: '国土空间规划科', topic: TOPICS.planning, writtenOn: f, docNumber: '', title: `${place}历史文化名城保护规划草案公示`, summary: '公示历史文化名城保护规划草案，征求公众意见。', bodyHtml: paragraphs('规划明确了历史城区、历史文化街区和历史建筑的保护范围与保护要求。', '公示期三十日，欢迎社会各界提出宝贵意见。') },
    { key: 'ndjh-supply', column: 'ndjh', department: '土地利用科', topic: TOPICS.land, writtenOn: c, docNumber: docNumber(ctx, '发', c), title: `${place}${c.slice(0, 4)}年度国有建设用地供应计划`, summary: '公布年度国有建设用地供应总量、结构、布局和时序安排。', bodyHtml: paragraphs(`${c.slice(0, 4)}年度全市计划供应国有建设用地${between(ctx, 300, 900)}公顷，其中工矿仓储用地占 32%，住宅用地占 28%，公共管理与公共服务用地占 18%，交通运输用地占 15%，其他用地占 7%。`, '计划执行中确需调整的，按程序报批后公布。') },
    { key: 'ndjh-use', column: 'ndjh', department: '土地利用科', topic: TOPICS.land, writtenOn: e, docNumber: docNumber(ctx, '发', e), title: `${place}${e.slice(0, 4)}年度土地利用计划`, summary: '下达年度新增建设用地计划指标并明确管理要求。', bodyHtml: paragraphs('年度土地利用计划坚持“以存量定增量”，优先保障重点项目、民生项目用地。', '新增建设用地计划指标与批而未供、闲置土地处置情况挂钩。') },
    { key: 'ndjh-exec', column: 'ndjh', department: '土地利用科', topic: TOPICS.land, writtenOn: g, docNumber: '', title: `${place}${g.slice(0, 4)}年上半年土地利用计划执行情况`, summary: '通报上半年新增建设用地计划使用和供地情况。', bodyHtml: paragraphs(`上半年全市共使用新增建设用地计划指标${between(ctx, 80, 260)}公顷，供应国有建设用地${between(ctx, 150, 420)}公顷。`, '批而未供土地处置率、闲置土地处置率均达到省定目标。') },
  ];
}

/** All land items for one agency; scale 1 for the city, about 0.1 for a county bureau. */
export function landItems(ctx: DemoContext, scale: number): DemoItemSpec[] {
  const n = (k: number) => Math.max(1, Math.round(k * scale));
  return [
    ...preAnnouncements(ctx, n(18)),
    ...compensationPlans(ctx, n(15)),
    ...acquisitionNotices(ctx, n(12)),
    ...transferAnnouncements(ctx, n(18)),
    ...transferResults(ctx, n(16)),
    ...allocations(ctx, n(12)),
    ...(scale >= 1 ? [...landPrices(ctx, 2), ...planningItems(ctx)] : []),
  ];
}
