// Demo items: real-estate registration notices, mining rights, enforcement decisions (with
// personal data de-identified), geological hazards and surveying.
import {
  between, cnDate, companyName, docNumber, maskedName, paragraphs, pick, spreadDates, table, TOPICS,
  type DemoContext, type DemoItemSpec,
} from './demo-content.ts';

const ROADS = ['人民路', '文明大道', '滨江路', '红旗大道', '长征路', '健康路', '新华路', '章江路'];
const address = (ctx: DemoContext) => `${ctx.org.place}${pick(ctx, ROADS)}${between(ctx, 1, 300)}号`;
const unitNumber = (ctx: DemoContext) =>
  `369902${String(between(ctx, 1, 20)).padStart(3, '0')}${String(between(ctx, 1, 20)).padStart(3, '0')}GB${String(between(ctx, 1, 99999)).padStart(5, '0')}F${String(between(ctx, 1, 99999999)).padStart(8, '0')}`;

const REGISTRATION_KINDS = [
  { kind: '首次登记', article: '第十七条', text: '经初步审定，我机构拟对下列不动产权利予以首次登记' },
  { kind: '更正登记', article: '第八十一条', text: '经审查，下列不动产登记簿记载事项确有错误，我机构拟依法予以更正' },
  { kind: '权证书遗失作废', article: '第二十二条', text: '下列不动产权证书因遗失，权利人已申请补发，原证书自本公告之日起作废' },
  { kind: '注销登记', article: '第二十八条', text: '下列不动产权利因土地使用期限届满未申请续期，我机构拟依法注销登记' },
];

function registrationNotices(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const k = pick(ctx, REGISTRATION_KINDS);
    const rows = Array.from({ length: between(ctx, 1, 4) }, () => [
      ctx.rng() < 0.5 ? maskedName(ctx) : companyName(ctx), address(ctx), unitNumber(ctx), `${between(ctx, 60, 3200)}.${between(ctx, 10, 99)}`,
    ]);
    return {
      key: `bdcdj-${i}`, column: 'bdcdj', department: '不动产登记中心', topic: TOPICS.registration, writtenOn,
      title: `${ctx.org.place}不动产${k.kind}公告（${writtenOn.slice(0, 4)}年第${i + 1}号）`,
      docNumber: '',
      summary: `${k.text}，共${rows.length}件。异议期十五个工作日。`,
      bodyHtml: paragraphs(`${k.text}。根据《不动产登记暂行条例实施细则》${k.article}的规定，现予公告。`)
        + table('公告的不动产', ['权利人', '坐落', '不动产单元号', '面积（平方米）'], rows)
        + paragraphs(
          '如有异议，请自本公告之日起十五个工作日内将异议书面材料送达我机构。逾期无人提出异议或者异议不成立的，我机构将依法办理登记。',
          `异议材料送达地址：${ctx.org.address}，${ctx.org.shortName}不动产登记中心；联系电话：${ctx.org.phone}。`,
          '（自然人权利人姓名已作去标识化处理。）',
        ),
    };
  });
}

const MINERALS = ['建筑用花岗岩矿', '建筑用砂矿', '稀土矿', '萤石矿', '石灰岩矿', '钨矿'];

function miningItems(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const mine = `${ctx.org.place}${pick(ctx, ctx.org.townships)}${pick(ctx, MINERALS)}`;
    const result = i % 3 === 2;
    const price = between(ctx, 800, 9600);
    return {
      key: `kyq-${i}`, column: 'kyq', department: '矿产资源科', topic: TOPICS.mineral, writtenOn,
      title: result ? `${mine}采矿权出让结果公示` : `${mine}采矿权挂牌出让公告`,
      docNumber: result ? '' : docNumber(ctx, '矿告', writtenOn),
      summary: result ? `${mine}采矿权挂牌出让成交，成交价${price}万元。` : `以挂牌方式出让${mine}采矿权，出让年限${between(ctx, 5, 15)}年。`,
      bodyHtml: result
        ? paragraphs(`${mine}采矿权挂牌出让活动已于${cnDate(writtenOn)}结束。`, `竞得人：${companyName(ctx)}；成交价：${price}万元。`, '公示期十个工作日。')
        : paragraphs(
          `经批准，${ctx.org.name}决定以挂牌方式出让${mine}采矿权。`,
          `一、矿区概况：矿区面积${(between(ctx, 5, 120) / 100).toFixed(2)}平方千米，开采深度由+${between(ctx, 150, 300)}米至+${between(ctx, 50, 140)}米，生产规模${between(ctx, 10, 200)}万吨/年。`,
          '二、竞买人资格：中华人民共和国境内依法设立的企业法人，具备相应的资金能力和安全生产条件。',
          `三、挂牌起始价${price}万元，竞买保证金为起始价的 20%。`,
          '四、出让收益按《矿业权出让收益征收办法》缴纳。',
        ),
    };
  });
}

const VIOLATIONS = [
  { act: '未经批准擅自占用集体土地建设住宅', law: '《中华人民共和国土地管理法》第四十四条', basis: '《中华人民共和国土地管理法》第七十八条', perSqm: 0, person: true },
  { act: '未经批准擅自占用耕地建设厂房', law: '《中华人民共和国土地管理法》第四十四条', basis: '《中华人民共和国土地管理法》第七十七条、《中华人民共和国土地管理法实施条例》第五十七条', perSqm: 60, person: false },
  { act: '未取得采矿许可证擅自采矿', law: '《中华人民共和国矿产资源法》第三条', basis: '《中华人民共和国矿产资源法》第三十九条', perSqm: 0, person: false },
  { act: '临时用地期满未恢复种植条件', law: '《中华人民共和国土地管理法》第五十七条', basis: '《中华人民共和国土地管理法实施条例》第五十六条', perSqm: 30, person: true },
];

function penaltyDecisions(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const v = pick(ctx, VIOLATIONS);
    const party = v.person ? maskedName(ctx) : companyName(ctx);
    const area = between(ctx, 60, 4200);
    const fine = v.perSqm ? area * v.perSqm : between(ctx, 2, 40) * 10000;
    const doc = docNumber(ctx, '罚', writtenOn);
    const partyLine = v.person
      ? `当事人：${party}，身份证号码：3607**********${between(ctx, 1000, 9999)}，住址：${pick(ctx, ctx.org.townships)}（详细地址已隐去）。`
      : `当事人：${party}，统一社会信用代码：91369900********${between(ctx, 10, 99)}，法定代表人：${maskedName(ctx)}。`;
    return {
      key: `xzzf-${i}`, column: 'xzzf', department: '执法支队', topic: TOPICS.enforcement, writtenOn,
      title: `行政处罚决定书（${doc}）`,
      docNumber: doc,
      summary: `当事人${v.act}，依法作出行政处罚。`,
      bodyHtml: paragraphs(
        partyLine,
        `经查，当事人于${cnDate(writtenOn).slice(0, 5)}在${pick(ctx, ctx.org.townships)}${v.act}，涉及面积${area}平方米。上述事实有现场勘测笔录、询问笔录、照片及测绘报告等证据证实。`,
        `当事人的上述行为违反了${v.law}的规定。本机关已依法告知当事人拟作出行政处罚的事实、理由、依据及其陈述、申辩和要求听证的权利，当事人在规定期限内未提出陈述、申辩和听证申请。`,
        `根据${v.basis}的规定，本机关决定：责令当事人限期改正违法行为，${v.perSqm ? `并处罚款人民币${fine.toLocaleString('zh-CN')}元（每平方米${v.perSqm}元）` : `没收违法所得并处罚款人民币${fine.toLocaleString('zh-CN')}元`}。`,
        '当事人应自收到本决定书之日起十五日内将罚款缴至指定银行账户。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。',
        '当事人对本决定不服的，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
        `${ctx.org.name}\u3000${cnDate(writtenOn)}`,
      ),
    };
  });
}

function hazardItems(ctx: DemoContext, n: number): DemoItemSpec[] {
  return spreadDates(ctx, n).map((writtenOn, i) => {
    const year = writtenOn.slice(0, 4);
    if (i % 3 === 0)
      return {
        key: `dzhj-${i}`, column: 'dzhj', department: '地质环境科', topic: TOPICS.geology, writtenOn, isMajor: true,
        title: `${ctx.org.place}${year}年度地质灾害防治方案`, docNumber: docNumber(ctx, '发', writtenOn),
        summary: '明确年度地质灾害防治重点区域、重点时段、隐患点分布和防治措施。',
        bodyHtml: paragraphs(
          `根据《地质灾害防治条例》第十五条，结合${ctx.org.place}实际，制定本方案。`,
          `一、地质灾害现状。全${ctx.org.place.slice(-1)}现有地质灾害隐患点${between(ctx, 120, 480)}处，以崩塌、滑坡为主，威胁人口约${between(ctx, 3000, 12000)}人。`,
          '二、防治重点时段为 4 月至 9 月的汛期，重点防范强降雨引发的切坡建房崩塌和小型滑坡。',
          '三、防治措施：落实群测群防，完善监测预警，推进工程治理和搬迁避让，加强应急演练。',
        ),
      };
    const level = pick(ctx, ['黄色', '橙色']);
    return {
      key: `dzhj-${i}`, column: 'dzhj', department: '地质环境科', topic: TOPICS.geology, writtenOn,
      title: `地质灾害气象风险${level}预警（${cnDate(writtenOn)}）`, docNumber: '',
      summary: `预计未来 24 小时${pick(ctx, ctx.org.townships)}等地发生地质灾害的风险较高（${level}预警）。`,
      bodyHtml: paragraphs(
        `${ctx.org.shortName}与气象局联合发布：受强降雨影响，预计${cnDate(writtenOn)}20时至次日20时，${ctx.org.townships.slice(0, 2).join('、')}等地发生崩塌、滑坡等地质灾害的气象风险较高。`,
        '请有关乡镇和村组加强隐患点巡查监测，提前转移受威胁群众，切坡建房户夜间不在临坡房间住宿。',
      ),
    };
  });
}

function surveyingItems(ctx: DemoContext, n: number): DemoItemSpec[] {
  const titles = ['测绘资质审批结果公告', '基础测绘年度计划', '关于规范地图审核工作的通知', '测绘成果质量监督抽查结果通报', '永久性测量标志普查结果公告'];
  return spreadDates(ctx, n).map((writtenOn, i) => ({
    key: `chdl-${i}`, column: 'chdl', department: '测绘地理信息科', topic: TOPICS.surveying, writtenOn,
    title: `${ctx.org.place}${titles[i % titles.length]}`,
    docNumber: i % 2 ? docNumber(ctx, '发', writtenOn) : '',
    summary: '测绘地理信息管理工作信息。',
    bodyHtml: paragraphs(
      `根据《中华人民共和国测绘法》和《测绘成果管理条例》，现将${titles[i % titles.length]}的有关情况公布如下。`,
      `本次共涉及测绘单位${between(ctx, 6, 40)}家，其中合格${between(ctx, 5, 6)}家以上，不合格单位已责令限期整改。`,
    ),
  }));
}

export function recordItems(ctx: DemoContext, scale: number): DemoItemSpec[] {
  const n = (k: number) => Math.max(1, Math.round(k * scale));
  return [
    ...registrationNotices(ctx, n(18)),
    ...penaltyDecisions(ctx, n(14)),
    ...(scale >= 1 ? [...miningItems(ctx, 8), ...hazardItems(ctx, 8), ...surveyingItems(ctx, 3)] : []),
  ];
}
